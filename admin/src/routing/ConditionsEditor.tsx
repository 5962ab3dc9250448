import { Alert, Autocomplete, Chip, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CHANNELS, DEMAND_TYPES } from '../graphql/enums';
import type { RoutingConditions } from '../graphql/types';
import { addKeyword, describeConditions, toggle } from './conditions';

export interface CodeOption {
  code: string;
  name: string;
}

interface ConditionsEditorProps {
  value: RoutingConditions;
  onChange: (value: RoutingConditions) => void;
  categories: CodeOption[];
  areas: CodeOption[];
}

function CodeListInput(props: {
  label: string;
  options: CodeOption[];
  value: string[];
  onChange: (codes: string[]) => void;
}) {
  const byCode = new Map(props.options.map((option) => [option.code, option]));
  const selected = props.value.map((code) => byCode.get(code) ?? { code, name: code });
  return (
    <Autocomplete
      multiple
      options={props.options}
      value={selected}
      onChange={(_, options) => props.onChange(options.map((option) => option.code))}
      getOptionLabel={(option) => `${option.name} (${option.code})`}
      isOptionEqualToValue={(option, current) => option.code === current.code}
      renderInput={(params) => <TextField {...params} label={props.label} />}
    />
  );
}

function ChipToggles<T extends string>(props: {
  label: string;
  enumName: string;
  values: readonly T[];
  value: T[];
  onChange: (value: T[]) => void;
}) {
  const translate = useTranslate();
  return (
    <div>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
        {props.label}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {props.values.map((item) => {
          const on = props.value.includes(item);
          return (
            <Chip
              key={item}
              label={translate(`enums.${props.enumName}.${item}`)}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              aria-pressed={on}
              onClick={() => props.onChange(toggle(props.value, item))}
            />
          );
        })}
      </Stack>
    </div>
  );
}

/** Edits a rule's conditions: empty lists match anything; any-of within a list, all-of across lists. */
export function ConditionsEditor({ value, onChange, categories, areas }: ConditionsEditorProps) {
  const translate = useTranslate();
  const set = <K extends keyof RoutingConditions>(key: K, next: RoutingConditions[K]) =>
    onChange({ ...value, [key]: next });
  const nameOf = (options: CodeOption[]) => (code: string) =>
    options.find((option) => option.code === code)?.name ?? code;
  const summary = describeConditions(
    value,
    { categoryName: nameOf(categories), areaName: nameOf(areas) },
    translate,
  );
  const matchesAll = Object.values(value).every((list) => list.length === 0);
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      <CodeListInput
        label={translate('hotline.routing.fields.categoryCodes')}
        options={categories}
        value={value.categoryCodes}
        onChange={(codes) => set('categoryCodes', codes)}
      />
      <CodeListInput
        label={translate('hotline.routing.fields.areaCodes')}
        options={areas}
        value={value.areaCodes}
        onChange={(codes) => set('areaCodes', codes)}
      />
      <Autocomplete<string, true, false, true>
        multiple
        freeSolo
        options={[]}
        value={value.keywords}
        onChange={(_, items) => set('keywords', items.reduce<string[]>(addKeyword, []))}
        renderInput={(params) => (
          <TextField
            {...params}
            label={translate('hotline.routing.fields.keywords')}
            helperText={translate('hotline.routing.keywords_help')}
          />
        )}
      />
      <ChipToggles
        label={translate('hotline.routing.fields.demandTypes')}
        enumName="DemandType"
        values={DEMAND_TYPES}
        value={value.demandTypes}
        onChange={(next) => set('demandTypes', next)}
      />
      <ChipToggles
        label={translate('hotline.routing.fields.channels')}
        enumName="Channel"
        values={CHANNELS}
        value={value.channels}
        onChange={(next) => set('channels', next)}
      />
      <Alert severity={matchesAll ? 'warning' : 'info'} data-testid="conditions-summary">
        {summary}
      </Alert>
    </Stack>
  );
}
