import { Autocomplete, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DepartmentOption } from './DepartmentPicker';

interface CoHandlerPickerProps {
  departments: DepartmentOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  /** The lead department: never a co-handler of its own case. */
  leadId?: string | null;
}

/** 协办单位: the departments that co-handle the case beside the lead (none by default). */
export function CoHandlerPicker({ departments, value, onChange, leadId }: CoHandlerPickerProps) {
  const translate = useTranslate();
  const options = departments.filter((department) => department.id !== leadId && department.active !== false);
  const selected = options.filter((department) => value.includes(department.id));
  return (
    <Autocomplete
      multiple
      options={options}
      value={selected}
      onChange={(_, chosen) => onChange(chosen.map((department) => department.id))}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      noOptionsText={translate('hotline.common.no_options')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('hotline.co_handling.departments')}
          helperText={translate('hotline.co_handling.departments_help')}
        />
      )}
    />
  );
}
