/**
 * The organisation of the sample estate: departments, the application catalogue, zones, products and their
 * licence models, host models. Static data; the generator draws from it.
 */
import type { Department, HostModel, LicenceModel, Product, Zone } from '../model/schema.ts';

export const DEPARTMENTS: readonly Department[] = [
  { id: 'dept-fin', name: 'Finance', refusesSharing: false },
  { id: 'dept-hr', name: 'Human Resources', refusesSharing: false },
  { id: 'dept-sales', name: 'Sales & Marketing', refusesSharing: false },
  { id: 'dept-ops', name: 'Operations & Supply Chain', refusesSharing: false },
  { id: 'dept-eng', name: 'Engineering', refusesSharing: false },
  { id: 'dept-cs', name: 'Customer Service', refusesSharing: false },
  { id: 'dept-legal', name: 'Legal & Compliance', refusesSharing: true },
  { id: 'dept-sec', name: 'Security Operations', refusesSharing: true },
  { id: 'dept-it', name: 'Corporate IT', refusesSharing: false },
];

/** Tier layouts, front tier first. */
export const TIER_LAYOUTS = {
  web3: ['web', 'app', 'db'],
  cache: ['web', 'app', 'cache', 'db'],
  batch: ['web', 'app', 'db', 'batch'],
  api: ['api', 'app', 'db'],
  twoTier: ['app', 'db'],
  etl: ['etl', 'db'],
} as const satisfies Record<string, readonly string[]>;

export type TierLayout = keyof typeof TIER_LAYOUTS;

/** How an application's load moves over the day, in its users' local time. */
export type LoadShape = 'business' | 'evening' | 'batch';

export type AppSpec = {
  code: string;
  name: string;
  departmentId: string;
  layout: TierLayout;
  shape: LoadShape;
  /** Card data: the application runs in the PCI zone. */
  pci?: boolean;
  /** Reached from the internet: the front tier runs in the DMZ. */
  internet?: boolean;
};

const app = (code: string, name: string, dept: string, layout: TierLayout, shape: LoadShape = 'business', flags: { pci?: boolean; internet?: boolean } = {}): AppSpec => ({
  code, name, departmentId: `dept-${dept}`, layout, shape, ...flags,
});

export const APP_CATALOGUE: readonly AppSpec[] = [
  app('erp', 'ERP', 'fin', 'batch'),
  app('gl', 'General Ledger', 'fin', 'web3'),
  app('ap', 'Accounts Payable', 'fin', 'web3'),
  app('ar', 'Accounts Receivable', 'fin', 'web3'),
  app('treas', 'Treasury Management', 'fin', 'twoTier'),
  app('cons', 'Financial Consolidation', 'fin', 'batch'),
  app('exp', 'Expenses', 'fin', 'cache'),
  app('bill', 'Billing', 'fin', 'batch', 'business', { pci: true }),
  app('pay', 'Card Payments Gateway', 'fin', 'api', 'evening', { pci: true, internet: true }),
  app('hcm', 'Human Capital Management', 'hr', 'cache'),
  app('payr', 'Payroll', 'hr', 'batch'),
  app('rec', 'Recruiting Portal', 'hr', 'web3', 'business', { internet: true }),
  app('lms', 'Learning Management', 'hr', 'web3'),
  app('time', 'Time & Attendance', 'hr', 'api'),
  app('crm', 'CRM', 'sales', 'cache'),
  app('shop', 'Web Shop', 'sales', 'cache', 'evening', { pci: true, internet: true }),
  app('cms', 'Web Content Management', 'sales', 'web3', 'evening', { internet: true }),
  app('mkt', 'Marketing Automation', 'sales', 'api'),
  app('cpq', 'Configure Price Quote', 'sales', 'web3'),
  app('pim', 'Product Information', 'sales', 'twoTier'),
  app('loy', 'Loyalty Programme', 'sales', 'api', 'evening', { internet: true }),
  app('wms', 'Warehouse Management', 'ops', 'batch'),
  app('tms', 'Transport Management', 'ops', 'web3'),
  app('mes', 'Manufacturing Execution', 'ops', 'twoTier'),
  app('plm', 'Product Lifecycle', 'ops', 'cache'),
  app('scm', 'Supply Chain Planning', 'ops', 'batch', 'batch'),
  app('eam', 'Asset Maintenance', 'ops', 'web3'),
  app('edi', 'EDI Gateway', 'ops', 'api', 'batch'),
  app('git', 'Source Control', 'eng', 'web3'),
  app('ci', 'Build & CI', 'eng', 'twoTier', 'batch'),
  app('art', 'Artifact Repository', 'eng', 'web3'),
  app('cad', 'CAD Vault', 'eng', 'twoTier'),
  app('sim', 'Simulation Cluster', 'eng', 'etl', 'batch'),
  app('wiki', 'Engineering Wiki', 'eng', 'cache'),
  app('ccx', 'Contact Centre', 'cs', 'api', 'evening'),
  app('tkt', 'Ticketing', 'cs', 'cache'),
  app('kb', 'Knowledge Base', 'cs', 'web3', 'evening', { internet: true }),
  app('ivr', 'IVR Platform', 'cs', 'twoTier', 'evening'),
  app('port', 'Customer Portal', 'cs', 'cache', 'evening', { internet: true }),
  app('clm', 'Contract Management', 'legal', 'web3'),
  app('ediscovery', 'eDiscovery', 'legal', 'etl', 'batch'),
  app('grc', 'Governance, Risk & Compliance', 'legal', 'web3'),
  app('arch', 'Records Archive', 'legal', 'twoTier', 'batch'),
  app('siem', 'SIEM', 'sec', 'etl', 'batch'),
  app('iam', 'Identity Management', 'sec', 'api'),
  app('pam', 'Privileged Access', 'sec', 'twoTier'),
  app('vuln', 'Vulnerability Scanning', 'sec', 'twoTier', 'batch'),
  app('itsm', 'IT Service Management', 'it', 'cache'),
  app('mail', 'Mail Archive', 'it', 'twoTier', 'batch'),
  app('intra', 'Intranet', 'it', 'web3'),
  app('dwh', 'Data Warehouse', 'it', 'etl', 'batch'),
  app('bi', 'BI Reporting', 'it', 'web3'),
  app('esb', 'Integration Bus', 'it', 'api'),
  app('print', 'Print Management', 'it', 'twoTier'),
  app('collab', 'Collaboration', 'it', 'cache'),
  app('file', 'File Services', 'it', 'twoTier'),
];

export const ZONES: readonly Zone[] = [
  { id: 'zone-pci', name: 'PCI DSS cardholder data', kind: 'pci', dedicatedHosts: true, allowedDataCentreIds: ['dc-ash', 'dc-dal'] },
  { id: 'zone-dmz', name: 'DMZ (internet facing)', kind: 'dmz', dedicatedHosts: true, allowedDataCentreIds: null },
  { id: 'zone-internal', name: 'Internal', kind: 'internal', dedicatedHosts: false, allowedDataCentreIds: null },
];

/** Where the PCI applications run today (the zone's residency narrows this to Ashburn and Dallas). */
export const PCI_SITES_TODAY: readonly string[] = ['dc-ash', 'dc-dal', 'dc-atl', 'dc-sec'];

export const PRODUCTS: readonly Product[] = [
  { id: 'prod-oracle-ee', name: 'Oracle Database Enterprise Edition', vendor: 'Oracle' },
  { id: 'prod-mssql-ent', name: 'SQL Server Enterprise', vendor: 'Microsoft' },
  { id: 'prod-weblogic', name: 'WebLogic Server', vendor: 'Oracle' },
];

export const LICENCE_MODELS: readonly LicenceModel[] = [
  { id: 'lic-oracle-core', productId: 'prod-oracle-ee', name: 'Oracle EE per host core (core factor 0.5)', metric: 'per-host-core', price: 23750, minCoresPerHost: 16 },
  { id: 'lic-mssql-core', productId: 'prod-mssql-ent', name: 'SQL Server Enterprise per host core', metric: 'per-host-core', price: 7128, minCoresPerHost: 16 },
  { id: 'lic-weblogic-core', productId: 'prod-weblogic', name: 'WebLogic per host core', metric: 'per-host-core', price: 5000, minCoresPerHost: 16 },
  { id: 'lic-weblogic-vm', productId: 'prod-weblogic', name: 'WebLogic per VM (subscription)', metric: 'per-vm', price: 3900, minCoresPerHost: 0 },
];

export const HOST_MODELS: readonly HostModel[] = [
  { id: 'hm-2s-64c', name: '2-socket 64-core (2 x 32c, 1 TiB)', sockets: 2, cores: 64, ratingPerCore: 72, memoryGiB: 1024, storageGiB: 30720, iops: 200000, networkMbps: 50000, price: 42000, costPerMonth: 650, powerW: 900, rackUnits: 2 },
  { id: 'hm-2s-96c', name: '2-socket 96-core (2 x 48c, 1.5 TiB)', sockets: 2, cores: 96, ratingPerCore: 70, memoryGiB: 1536, storageGiB: 46080, iops: 300000, networkMbps: 100000, price: 58000, costPerMonth: 820, powerW: 1100, rackUnits: 2 },
  { id: 'hm-2s-128c', name: '2-socket 128-core dense (2 x 64c, 2 TiB)', sockets: 2, cores: 128, ratingPerCore: 64, memoryGiB: 2048, storageGiB: 61440, iops: 400000, networkMbps: 100000, price: 76000, costPerMonth: 1000, powerW: 1300, rackUnits: 2 },
];
