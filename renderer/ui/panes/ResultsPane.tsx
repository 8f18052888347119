/** Results: filled by the engine integration (a later issue). Until then, an empty state that says what to do. */
export function ResultsPane() {
  return (
    <div className="empty-state" data-testid="results-empty">
      <h2>No results yet</h2>
      <p>Run the engine in the Scenario pane to see hosts, placements and costs here.</p>
    </div>
  );
}
