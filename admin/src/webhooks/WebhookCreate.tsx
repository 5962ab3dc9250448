import { useState } from 'react';
import {
  CheckboxGroupInput,
  Create,
  regex,
  required,
  SimpleForm,
  TextInput,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { SecretReveal } from '../common/SecretReveal';
import { WEBHOOK_EVENT_TYPES } from '../graphql/enums';

const eventChoices = WEBHOOK_EVENT_TYPES.map((type) => ({
  id: type,
  name: type === '*' ? 'hotline.webhooks.all_events' : type,
}));

export function WebhookCreate() {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [secret, setSecret] = useState<{ id: string; secret: string }>();
  return (
    <>
      <Create
        mutationOptions={{ onSuccess: (data) => setSecret(data as { id: string; secret: string }) }}
        redirect={false}
      >
        <SimpleForm defaultValues={{ events: ['*'] }}>
          <TextInput
            source="url"
            type="url"
            validate={[required(), regex(/^https?:\/\//, 'hotline.webhooks.url_invalid')]}
            fullWidth
          />
          <CheckboxGroupInput source="events" choices={eventChoices} validate={required()} row={false} />
        </SimpleForm>
      </Create>
      <SecretReveal
        title={translate('hotline.webhooks.secret_title')}
        secret={secret?.secret}
        onClose={() => {
          const id = secret?.id;
          setSecret(undefined);
          redirect('show', 'webhooks', id);
        }}
      />
    </>
  );
}
