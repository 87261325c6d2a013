export { exportEvents, ExportError, type ExportedEvent, type ExportOptions, type StageName } from './exportEvents.ts';
export { personaReport, personaRules, ReportError, type PersonaReport, type PersonaReportOptions, type PersonaRule, type PersonaSummary } from './personaReport.ts';
export { flowsReport, type FlowLink, type FlowNode, type FlowsReport, type FlowsReportOptions, type FlowTouchpoint } from './flowsReport.ts';
