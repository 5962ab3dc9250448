import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Box,
  Chip,
  IconButton,
  ListItem,
  ListItemText,
  List as MuiList,
  Paper,
  Stack,
  Tooltip,
} from '@mui/material';
import { useState } from 'react';
import {
  CreateButton,
  List,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useListContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { Department } from '../graphql/types';
import { buildDepartmentTree, type DepartmentNode } from './department-tree';

function TreeNode({ node, depth, canEdit }: { node: DepartmentNode; depth: number; canEdit: boolean }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(depth < 1);
  const { department, children } = node;
  return (
    <>
      <ListItem
        sx={{ pl: 2 + depth * 3 }}
        secondaryAction={
          canEdit && (
            <Stack direction="row">
              <Tooltip title={translate('hotline.departments.add_child')}>
                <IconButton
                  component={Link}
                  to={createPath({ resource: 'departments', type: 'create' })}
                  state={{ record: { parentId: department.id, kind: 'OTHER', active: true } }}
                >
                  <AddIcon fontSize="small" />
                </IconButton>
              </Tooltip>
              <IconButton
                component={Link}
                to={createPath({ resource: 'departments', type: 'edit', id: department.id })}
                aria-label={translate('ra.action.edit')}
              >
                <EditIcon fontSize="small" />
              </IconButton>
            </Stack>
          )
        }
      >
        <Box sx={{ width: 32 }}>
          {children.length > 0 && (
            <IconButton
              size="small"
              onClick={() => setOpen(!open)}
              aria-label={translate(open ? 'ra.action.close' : 'ra.action.expand')}
            >
              {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            </IconButton>
          )}
        </Box>
        <ListItemText
          primary={
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <span>{department.name}</span>
              <Chip
                size="small"
                variant="outlined"
                label={translate(`enums.DepartmentKind.${department.kind}`)}
              />
              {!department.active && (
                <Chip size="small" color="default" label={translate('hotline.departments.inactive')} />
              )}
            </Stack>
          }
          secondary={department.code}
        />
      </ListItem>
      {open &&
        children.map((child) => (
          <TreeNode key={child.department.id} node={child} depth={depth + 1} canEdit={canEdit} />
        ))}
    </>
  );
}

function TreeView() {
  const { data = [] } = useListContext<Department>();
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'departments', action: 'edit' });
  return (
    <Paper variant="outlined">
      <MuiList dense>
        {buildDepartmentTree(data).map((node) => (
          <TreeNode key={node.department.id} node={node} depth={0} canEdit={canEdit} />
        ))}
      </MuiList>
    </Paper>
  );
}

export function DepartmentTree() {
  return (
    <List
      pagination={false}
      perPage={1000}
      sort={{ field: 'name', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      component="div"
    >
      <TreeView />
    </List>
  );
}
