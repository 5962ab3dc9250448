import ReplyIcon from '@mui/icons-material/Chat';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  DeleteButton,
  Edit,
  FunctionField,
  List,
  maxLength,
  ReferenceInput,
  required,
  SimpleForm,
  TextField,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { useViewer } from '../auth/use-viewer';
import type { CannedReply } from '../data/knowledge';

function ReplyFields() {
  const viewer = useViewer();
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput
        source="body"
        validate={[required(), maxLength(10_000)]}
        multiline
        minRows={4}
        fullWidth
        helperText="hotline.canned_replies.placeholders"
      />
      {viewer?.role !== 'HANDLER' && (
        <ReferenceInput source="departmentId" reference="departments">
          <AutocompleteInput optionText="name" helperText="hotline.canned_replies.department_help" />
        </ReferenceInput>
      )}
    </>
  );
}

function DeleteIfEditable() {
  const reply = useRecordContext<CannedReply>();
  return reply?.mayEdit ? <DeleteButton mutationMode="pessimistic" /> : null;
}

function CannedReplyList() {
  return (
    <List perPage={50} sort={{ field: 'title', order: 'ASC' }}>
      <Datagrid
        rowClick={(_id, _resource, record) => ((record as CannedReply).mayEdit ? 'edit' : false)}
        bulkActionButtons={false}
      >
        <TextField source="title" />
        <TextField source="body" sortable={false} />
        <FunctionField
          source="department"
          sortable={false}
          render={(reply: CannedReply) => reply.department?.name ?? '12345'}
        />
        <DeleteIfEditable />
      </Datagrid>
    </List>
  );
}

function CannedReplyCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <ReplyFields />
      </SimpleForm>
    </Create>
  );
}

function CannedReplyEdit() {
  return (
    <Edit redirect="list" mutationMode="pessimistic">
      <SimpleForm>
        <ReplyFields />
      </SimpleForm>
    </Edit>
  );
}

export default {
  list: CannedReplyList,
  create: CannedReplyCreate,
  edit: CannedReplyEdit,
  icon: ReplyIcon,
  recordRepresentation: 'title',
};
