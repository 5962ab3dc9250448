import { Autocomplete, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface DepartmentOption {
  id: string;
  name: string;
  active?: boolean;
}

interface DepartmentPickerProps {
  departments: DepartmentOption[];
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  required?: boolean;
  error?: string;
  helperText?: string;
  excludeId?: string;
}

export function DepartmentPicker(props: DepartmentPickerProps) {
  const { departments, value, onChange, label, required, error, helperText, excludeId } = props;
  const translate = useTranslate();
  const options = departments.filter(
    (department) => department.id !== excludeId && department.active !== false,
  );
  const selected = options.find((department) => department.id === value) ?? null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      onChange={(_, option) => onChange(option?.id ?? null)}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      noOptionsText={translate('hotline.common.no_options')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          error={!!error}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}
