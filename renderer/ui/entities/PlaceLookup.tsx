import { useEffect, useId, useState } from 'react';
import { loadGazetteer, searchPlaces, type GazetteerTable, type Place } from '../../estate/gazetteer.ts';
import type { FormState } from '../../estate/entity-fields.ts';

/** The form fields a picked place fills. */
export function placeFields(p: Place): FormState {
  return { city: p.province ? `${p.name}, ${p.province}` : p.name, latitude: String(p.latitude), longitude: String(p.longitude), timeZone: p.timeZone };
}

/**
 * "Find a place": type a city ("Frankfurt", "London, CA") and pick one of the bundled gazetteer's matches to
 * fill city, latitude, longitude and time zone (then Apply as usual). Offline: the table ships with the app.
 */
export function PlaceLookup({ onPick }: { onPick: (fields: FormState) => void }) {
  const [query, setQuery] = useState('');
  const [table, setTable] = useState<GazetteerTable | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    if (query.trim().length < 2 || table) return;
    let live = true;
    loadGazetteer().then(
      (t) => live && setTable(t),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [query, table]);
  const results = table ? searchPlaces(table, query) : [];
  return (
    <div className="field place-lookup">
      <label htmlFor={id}>Find a place (fills city, coordinates and time zone)</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder="e.g. Frankfurt or London, CA"
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the first match instead of applying the form
          if (e.key === 'Enter') {
            e.preventDefault();
            if (results[0]) {
              onPick(placeFields(results[0]));
              setQuery('');
            }
          }
        }}
      />
      {failed && <span className="field-error">The place list could not be loaded: {failed}</span>}
      {query.trim().length >= 2 && table && (
        <ul className="place-results" aria-label="Places found" data-testid="place-results">
          {results.length === 0 && <li className="muted">No place of that name in the bundled list.</li>}
          {results.map((p) => (
            <li key={`${p.name}|${p.country}|${p.province}|${p.latitude}`}>
              <button
                type="button"
                onClick={() => {
                  onPick(placeFields(p));
                  setQuery('');
                }}
              >
                {p.name}, {p.province ? `${p.province}, ` : ''}
                {p.country} <span className="muted">{p.timeZone}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
