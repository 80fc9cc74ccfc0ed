export * from './SearchPanel';
export * from './use-catalogue-search';
export * from './CatalogueFilling';
