export * from './SearchPanel';
export * from './use-catalogue-search';
