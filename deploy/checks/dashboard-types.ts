// Types the dashboard JSON is checked against (deploy/checks/typecheck-dashboards.mjs):
// Grafana's own Dashboard / Panel / RowPanel from @grafana/schema, adapted in two
// ways that JSON needs, nothing looser:
//  - string enums (ThresholdsMode, ...) become the union of their values, since a
//    JSON file holds "absolute", never ThresholdsMode.Absolute;
//  - panel targets are Prometheus queries: @grafana/schema types a target as the
//    generic DataQuery, which knows no `expr`.
import type { Dashboard, DataQuery, Panel, RowPanel } from '@grafana/schema';

type Json<T> = T extends string
  ? `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends Array<infer U>
      ? Array<Json<U>>
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

// A type alias (not an interface) so it fits the schema's Record<string, unknown> targets.
export type PrometheusQuery = Pick<DataQuery, 'refId' | 'hide' | 'key' | 'queryType' | 'datasource'> & {
  expr: string;
  legendFormat?: string;
  range?: boolean;
  instant?: boolean;
  interval?: string;
  format?: 'time_series' | 'table' | 'heatmap';
};

export type PrometheusPanel = Omit<Json<Panel>, 'targets' | 'type'> & {
  type: 'timeseries' | 'stat' | 'gauge' | 'table' | 'heatmap' | 'bargauge' | 'text';
  targets: PrometheusQuery[];
};

export type PrometheusDashboard = Omit<Json<Dashboard>, 'panels'> & {
  uid: string;
  title: string;
  panels: Array<PrometheusPanel | Json<RowPanel>>;
};

// Compile-time proof that the adapted type is still a Grafana Dashboard.
export function asGrafana(d: PrometheusDashboard): Json<Dashboard> {
  return d;
}
