import {
  dependencyLabels,
  elementState,
  type DependencyView,
  type ElementState,
  type TablesDiagram,
  type TableView,
} from '../../shared/diagram.ts';
import { JoinedText } from '../components/JoinedText.tsx';
import { ScrollFrame } from '../components/ScrollFrame.tsx';

interface TablesViewProps {
  diagram: TablesDiagram;
  /** Step index, or `null` for the final tables. */
  step: number | null;
}

const keyLabels = { primary: 'PK', foreign: 'FK' } as const;
const keyNames = { primary: '기본 키', foreign: '외래 키' } as const;

/**
 * Relational tables as real HTML tables: the reader can select and copy
 * them, and screen readers announce each cell with its column. Each step
 * shows, highlights or removes whole tables, columns, rows, key markers and
 * functional dependencies (listed under their table; while one is current,
 * its determinant and dependent columns are marked in the header).
 *
 * A step hides a column or row with the `hidden` attribute and never leaves
 * it out: every row keeps a cell for every column, as the HTML table model
 * requires (a `<tr>` with no cells is invalid, and the prerendered final
 * picture holds tables that a later step removed, all of their columns hidden).
 */
export function TablesView({ diagram, step }: TablesViewProps) {
  const state = (id: string) => elementState(diagram, step, id);
  const current = diagram.dependencies.filter((dependency) => state(dependency.id) === 'current');
  const roleOf = (column: string): 'determinant' | 'dependent' | undefined =>
    current.some((d) => d.from.includes(column))
      ? 'determinant'
      : current.some((d) => d.to.includes(column))
        ? 'dependent'
        : undefined;

  return (
    <div className="dg-tables">
      {diagram.tables.map((table) => (
        <TableCard
          key={table.id}
          table={table}
          tableState={state(table.id)}
          state={state}
          roleOf={roleOf}
          dependencies={diagram.dependencies.filter((d) => d.table === table.id)}
        />
      ))}
    </div>
  );
}

interface TableCardProps {
  table: TableView;
  tableState: ElementState;
  state: (id: string) => ElementState;
  roleOf: (column: string) => 'determinant' | 'dependent' | undefined;
  dependencies: DependencyView[];
}

function TableCard({ table, tableState, state, roleOf, dependencies }: TableCardProps) {
  const keysShown = table.keyElement ? state(table.keyElement) : 'hidden';
  const visibleColumns = table.columns.map((column) => state(column.id) !== 'hidden');
  const labelOf = (id: string) => table.columns.find((column) => column.id === id)?.label ?? id;
  const shownDependencies = dependencies.filter((d) => state(d.id) !== 'hidden');

  return (
    <div className={`dg-table is-${tableState}`} data-element={table.id} hidden={tableState === 'hidden'}>
      {/* Wide tables scroll sideways on phones. */}
      <ScrollFrame className="dg-table-scroll" role="group" label={`표: ${table.label}`}>
        <table>
          <caption>{table.label}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => {
                const role = roleOf(column.id);
                const keyState = keysShown !== 'hidden' && column.keys.length > 0 ? keysShown : undefined;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    className={`is-${state(column.id)}${keyState ? ` has-key is-key-${keyState}` : ''}${role ? ` is-${role}` : ''}`}
                    data-element={column.id}
                    hidden={!visibleColumns[index]}
                  >
                    {column.label}
                    {keyState &&
                      column.keys.map((key) => (
                        <abbr key={key} className={`dg-key dg-key-${key}`} title={keyNames[key]}>
                          {keyLabels[key]}
                        </abbr>
                      ))}
                    {role && <span className="sr-only">{role === 'determinant' ? ' (결정자)' : ' (종속자)'}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => {
              const rowState = row.id ? state(row.id) : undefined;
              return (
                <tr
                  key={row.id ?? rowIndex}
                  className={rowState ? `is-${rowState}` : undefined}
                  data-element={row.id}
                  hidden={rowState === 'hidden'}
                >
                  {row.cells.map((cell, index) => {
                    const column = table.columns[index];
                    if (!column) return null;
                    return (
                      <td key={column.id} className={`is-${state(column.id)}`} hidden={!visibleColumns[index]}>
                        <JoinedText text={cell} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollFrame>
      {shownDependencies.length > 0 && (
        <ul className="dg-dependencies" aria-label={`${table.label}의 함수 종속`}>
          {shownDependencies.map((dependency) => (
            <li
              key={dependency.id}
              className={`dg-dependency dg-${dependency.kind} is-${state(dependency.id)}`}
              data-element={dependency.id}
            >
              <span className="dg-fd">
                <span className="sr-only">결정자: </span>
                <span className="dg-fd-side">{dependency.from.map(labelOf).join(', ')}</span>
                <span className="dg-fd-arrow" aria-hidden="true">
                  →
                </span>
                <span className="sr-only">, 종속자: </span>
                <span className="dg-fd-side">{dependency.to.map(labelOf).join(', ')}</span>
              </span>
              <span className="dg-fd-kind">{dependencyLabels[dependency.kind]}</span>
              {dependency.note && <span className="dg-fd-note">{dependency.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
