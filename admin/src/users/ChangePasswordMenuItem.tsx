import PasswordIcon from '@mui/icons-material/Password';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { useTranslate, useUserMenu } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/** "Change my password" in the user menu, for every signed-in user. */
export const ChangePasswordMenuItem = forwardRef<HTMLLIElement>(function ChangePasswordMenuItem(props, ref) {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const navigate = useNavigate();
  return (
    <MenuItem
      ref={ref}
      {...props}
      onClick={() => {
        userMenu?.onClose();
        navigate('/password');
      }}
    >
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('hotline.users.change_password')}</ListItemText>
    </MenuItem>
  );
});
