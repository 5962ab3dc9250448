import { useState } from 'react';
import { Create, maxLength, required, SimpleForm, TextInput, useRedirect, useTranslate } from 'react-admin';
import { RoleDepartmentInputs } from '../common/RoleDepartmentInputs';
import { SecretReveal } from '../common/SecretReveal';

/** The key comes back once, in the create answer: it is shown here and never again. */
export function ApiClientCreate() {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [key, setKey] = useState<string>();
  return (
    <>
      <Create
        mutationOptions={{ onSuccess: (data) => setKey((data as { key?: string }).key) }}
        redirect={false}
      >
        <SimpleForm defaultValues={{ role: 'INTEGRATION' }}>
          <TextInput source="name" validate={[required(), maxLength(100)]} />
          <RoleDepartmentInputs roles={['INTEGRATION', 'AGENT', 'HANDLER', 'MANAGER']} />
        </SimpleForm>
      </Create>
      <SecretReveal
        title={translate('hotline.api_clients.key_title')}
        secret={key}
        onClose={() => {
          setKey(undefined);
          redirect('list', 'api-clients');
        }}
      />
    </>
  );
}
