/** The lists a view can be saved for, and what each accepts. */
export const SAVED_VIEW_LISTS = {
  TICKETS: {
    /** The GraphQL input type a view's filters must be (the list query's `filter`). */
    filterType: 'TicketFilter',
    /** The GraphQL input type a view's sort must be (the list query's `orderBy`). */
    sortType: 'TicketOrder',
    /** The columns the console can show. */
    columns: [
      'number',
      'title',
      'status',
      'priority',
      'demandType',
      'channel',
      'department',
      'category',
      'area',
      'assignee',
      'sla',
      'createdAt',
      'updatedAt',
      'supervision',
      'coHandling',
    ],
  },
} as const;

export type SavedViewList = keyof typeof SAVED_VIEW_LISTS;
export const savedViewLists = Object.keys(SAVED_VIEW_LISTS) as SavedViewList[];

export const VIEW_VISIBILITIES = ['PRIVATE', 'DEPARTMENT', 'CENTRE'] as const;
export type ViewVisibility = (typeof VIEW_VISIBILITIES)[number];
