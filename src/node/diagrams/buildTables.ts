import type { DependencyView, TableView } from '../../shared/diagram.ts';
import type { TablesSource } from './diagramSchema.ts';

/**
 * The `tables` kind needs no layout: the browser renders real HTML tables
 * (readable, selectable, announced with their headers). This only turns the
 * author's ids into the element ids steps use: `table.column`, `table.key`,
 * `table.row`.
 */
export function buildTables(source: TablesSource): { tables: TableView[]; dependencies: DependencyView[] } {
  const tables = source.tables.map((table): TableView => {
    const hasKeys = table.columns.some((column) => column.key && column.key.length > 0);
    return {
      id: table.id,
      label: table.label,
      ...(hasKeys ? { keyElement: `${table.id}.key` } : {}),
      columns: table.columns.map((column) => ({
        id: `${table.id}.${column.id}`,
        label: column.label ?? column.id,
        keys: [...new Set(column.key ?? [])],
      })),
      rows: table.rows.map((row) =>
        Array.isArray(row) ? { cells: row } : { id: `${table.id}.${row.id}`, cells: row.cells },
      ),
    };
  });
  const dependencies = source.dependencies.map((dependency): DependencyView => ({
    id: dependency.id,
    table: dependency.table,
    kind: dependency.kind,
    from: dependency.from.map((column) => `${dependency.table}.${column}`),
    to: dependency.to.map((column) => `${dependency.table}.${column}`),
    ...(dependency.note ? { note: dependency.note } : {}),
  }));
  return { tables, dependencies };
}
