export { PageControls, type PageControlsProps } from './PageControls';
export { SortSelect, type SortSelectProps } from './SortSelect';
