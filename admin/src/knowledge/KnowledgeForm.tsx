import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  Edit,
  maxLength,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useViewer } from '../auth/use-viewer';

function ArticleFields() {
  const viewer = useViewer();
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput source="body" validate={[required(), maxLength(10_000)]} multiline minRows={6} fullWidth />
      <ReferenceInput source="categoryId" reference="categories">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ReferenceInput source="areaId" reference="areas">
        <AutocompleteInput optionText="name" helperText="hotline.knowledge.area_help" />
      </ReferenceInput>
      {/* A handler's articles are always its own department's: the server decides. */}
      {viewer?.role !== 'HANDLER' && (
        <ReferenceInput source="ownerDepartmentId" reference="departments">
          <AutocompleteInput optionText="name" helperText="hotline.knowledge.owner_help" />
        </ReferenceInput>
      )}
      <DateTimeInput source="validFrom" />
      <DateTimeInput source="validTo" helperText="hotline.knowledge.valid_to_help" />
      <DateTimeInput source="reviewAt" />
    </>
  );
}

export function KnowledgeCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <ArticleFields />
      </SimpleForm>
    </Create>
  );
}

export function KnowledgeEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic">
      <SimpleForm>
        <ArticleFields />
      </SimpleForm>
    </Edit>
  );
}
