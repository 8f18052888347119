import { describe, expect, it } from 'vitest';
import { acceptedExtensions, withExtension } from './FileBrowserDialog.tsx';

describe('file browser extensions', () => {
  it('takes the extension from the suggested name, projects by default', () => {
    expect(acceptedExtensions('Sample plan.xlsx')).toEqual(['.xlsx']);
    expect(acceptedExtensions('Sample.CSV')).toEqual(['.csv']);
    expect(acceptedExtensions('Untitled')).toEqual(['.cwb']);
    expect(acceptedExtensions('map.svg', ['svg', '.PNG'])).toEqual(['.svg', '.png']);
  });

  it('keeps an accepted extension and adds the first otherwise', () => {
    expect(withExtension('/f/plan.xlsx', ['.xlsx'])).toBe('/f/plan.xlsx');
    expect(withExtension('/f/plan', ['.xlsx'])).toBe('/f/plan.xlsx');
    expect(withExtension('/f/Plan.XLSX', ['.xlsx'])).toBe('/f/Plan.XLSX');
    expect(withExtension('/f/map.png', ['.svg', '.png'])).toBe('/f/map.png');
    expect(withExtension('/f/map', ['.svg', '.png'])).toBe('/f/map.svg');
    // a project dialog always saves a .cwb
    expect(withExtension('/f/plan.xlsx', ['.cwb'])).toBe('/f/plan.xlsx.cwb');
    expect(withExtension('/f/plan.xlsx')).toBe('/f/plan.xlsx.cwb');
  });
});
