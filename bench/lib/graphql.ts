/** One GraphQL request; throws on an HTTP error or a GraphQL `errors` answer. */
export async function gql<T>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const payload = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || payload.errors?.length) {
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(payload.errors ?? payload)}`);
  }
  return payload.data as T;
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    url,
    'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password },
  );
  return data.login.token;
}
