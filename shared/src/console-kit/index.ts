// What the consoles that edit campaigns share (store-server/console's head-office page and
// head-office/console): the campaign editor, the reports' bar chart and the desk's look.
// Browser code: React, core.
export { CampaignFields } from './CampaignFields';
export type { PreviewSource } from './CampaignPreview';
export { emptyDraft, parseIdList, type Draft } from './campaign-draft';
export * from './console-lang';
export { LangSwitch } from './LangSwitch';
export { Tabs } from './Tabs';
export { MediaUpload } from './MediaUpload';
export { BarChart } from './BarChart';
export { IMPACT_LABELS, ImpactHeader, ImpactWindowRow, type ImpactLabels } from './ImpactWindows';
