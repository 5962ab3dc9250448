import { Card, CardContent, CardHeader, Stack } from '@mui/material';
import {
  Form,
  minLength,
  PasswordInput,
  required,
  SaveButton,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useHotlineDataProvider } from '../data-provider';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const samePasswords = (values: Record<string, unknown>) =>
  values.confirmPassword && values.newPassword !== values.confirmPassword
    ? { confirmPassword: 'hotline.users.passwords_differ' }
    : {};

/**
 * Any signed-in user: its own password. The change ends every session of the user, this one
 * included, so the page signs in again with the new password.
 */
export function ChangePasswordPage() {
  const translate = useTranslate();
  const dataProvider = useHotlineDataProvider();
  const login = useLogin();
  const notify = useNotify();
  const change = async (values: Record<string, unknown>) => {
    const { currentPassword, newPassword } = values as unknown as PasswordChange;
    try {
      const user = await dataProvider.changePassword(currentPassword, newPassword);
      await login({ email: user.email, password: newPassword });
      notify('hotline.users.password_changed', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
  };
  return (
    <Card sx={{ maxWidth: 480, mt: 2 }}>
      <CardHeader title={translate('hotline.users.change_password')} />
      <CardContent>
        <Form onSubmit={change} validate={samePasswords}>
          <Stack>
            <PasswordInput
              source="currentPassword"
              label="hotline.users.current_password"
              validate={required()}
            />
            <PasswordInput
              source="newPassword"
              label="hotline.users.new_password"
              validate={[required(), minLength(8)]}
            />
            <PasswordInput
              source="confirmPassword"
              label="hotline.users.confirm_password"
              validate={required()}
            />
            <SaveButton label="hotline.users.change_password" alwaysEnable />
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
}
