import type { UserSite } from '../../../core/model/schema.ts';
import { useWorkbench } from '../../store/react.ts';
import { byId, selectDataCentreById, selectWanLinks } from '../../store/selectors.ts';
import type { WorkbenchState } from '../../store/types.ts';
import { fmtInt, fmtMoney, fmtNum } from '../format.ts';

const NO_SITES: readonly UserSite[] = [];
const selectUserSiteById = (s: WorkbenchState) => byId(s.project?.estate.userSites ?? NO_SITES);
const selectCurrency = (s: WorkbenchState) => s.project?.estate.currency ?? 'USD';

export function WanLinksTable() {
  const links = useWorkbench(selectWanLinks);
  const dcs = useWorkbench(selectDataCentreById);
  const sites = useWorkbench(selectUserSiteById);
  const currency = useWorkbench(selectCurrency);
  const name = (id: string) => dcs.get(id)?.name ?? sites.get(id)?.name ?? id;
  const kind = (id: string) => (dcs.has(id) ? 'data centre' : sites.has(id) ? 'user site' : 'unknown');
  if (links.length === 0) return <p className="empty-state">This estate has no WAN links yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="WAN links">
        <thead>
          <tr>
            <th scope="col">Endpoint A</th>
            <th scope="col">Endpoint B</th>
            <th scope="col" className="num">Bandwidth (Mbps)</th>
            <th scope="col" className="num">Latency (ms, RTT)</th>
            <th scope="col" className="num">Peak use (%)</th>
            <th scope="col" className="num">Cost / month</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.id} data-testid="wan-row" data-wan-id={l.id}>
              <td title={kind(l.a)}>{name(l.a)}</td>
              <td title={kind(l.b)}>{name(l.b)}</td>
              <td className="num">{fmtInt(l.bandwidthMbps)}</td>
              <td className="num">{fmtNum(l.latencyMs)}</td>
              <td className="num">{l.measuredPeakUtilisationPct === null ? '—' : fmtNum(l.measuredPeakUtilisationPct)}</td>
              <td className="num">{fmtMoney(l.costPerMonth, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
