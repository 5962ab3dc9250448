/** Choices for react-admin inputs; `name` is a translation key that react-admin translates. */
export function enumChoices(enumName: string, values: readonly string[]) {
  return values.map((value) => ({ id: value, name: `enums.${enumName}.${value}` }));
}
