// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { guessMapping } from '../../../core/import/mapping.ts';
import type { ImportFile, ImportFlow } from '../../app/import-flow.ts';
import { PerfFileOptions } from './PerfFileOptions.tsx';

afterEach(cleanup);

function fileOf(kind: 'wide' | 'perfmon', headers: string[]): ImportFile {
  const g = guessMapping(kind, headers);
  return { path: '/d/f.csv', name: 'f.csv', detected: kind, kind, headers, columns: { ...g.columns }, confidence: g.confidence, error: null };
}

function fakeFlow(calls: [string, string, string | null][]): ImportFlow {
  return { setColumn: (path: string, field: string, value: string | null) => void calls.push([path, field, value]) } as unknown as ImportFlow;
}

describe('PerfFileOptions', () => {
  it('wide CSV: each data column shows its guessed server and metric; changing them sets the mapping', () => {
    const calls: [string, string, string | null][] = [];
    render(<PerfFileOptions file={fileOf('wide', ['Time', 'web-01 cpu %', 'notes'])} kind="wide" flow={fakeFlow(calls)} disabled={false} />);
    expect(screen.getByLabelText('Server of web-01 cpu %')).toHaveProperty('value', 'web-01');
    expect(screen.getByLabelText('Metric of web-01 cpu %')).toHaveProperty('value', 'cpuPct');
    expect(screen.getByLabelText('Metric of notes')).toHaveProperty('value', '');
    expect(screen.queryByLabelText('Metric of Time')).toBeNull(); // the time column is mapped above
    fireEvent.change(screen.getByLabelText('Metric of web-01 cpu %'), { target: { value: 'memPct' } });
    const server = screen.getByLabelText('Server of web-01 cpu %');
    fireEvent.change(server, { target: { value: 'web-01.corp.local' } });
    fireEvent.blur(server);
    fireEvent.change(screen.getByLabelText('Metric of notes'), { target: { value: 'iops' } });
    expect(calls).toEqual([
      ['/d/f.csv', 'col:web-01 cpu %', 'memPct@web-01'],
      ['/d/f.csv', 'col:web-01 cpu %', 'memPct@web-01.corp.local'],
      ['/d/f.csv', 'col:notes', 'iops@notes'],
    ]);
    fireEvent.change(screen.getByLabelText('Metric of notes'), { target: { value: '' } });
    expect(calls.at(-1)).toEqual(['/d/f.csv', 'col:notes', null]);
  });

  it('perfmon: says which zone, servers and counters the header names', () => {
    const headers = ['(PDH-CSV 4.0) (Pacific Daylight Time)(420)', '\\\\APP-7\\Processor(_Total)\\% Processor Time', '\\\\APP-8\\Memory\\Available MBytes'];
    render(<PerfFileOptions file={fileOf('perfmon', headers)} kind="perfmon" flow={fakeFlow([])} disabled={false} />);
    const about = screen.getByRole('list', { name: 'About f.csv' });
    expect(about.textContent).toContain('"Pacific Daylight Time" (America/Los_Angeles, daylight saving followed)');
    expect(about.textContent).toContain('2 servers: APP-7, APP-8. 2 counters: Processor\\% Processor Time, Memory\\Available MBytes.');
  });
});
