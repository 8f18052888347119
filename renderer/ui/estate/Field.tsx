import { useId, type ReactElement } from 'react';

/** A labelled form field with its error shown next to it. The child is the input; it gets id and aria props. */
export function Field(props: {
  label: string;
  error?: string;
  /** A short note under the input (units, what empty means). */
  hint?: string;
  children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactElement;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': Boolean(props.error), 'aria-describedby': props.error ? errorId : undefined })}
      {props.hint && <span className="field-hint">{props.hint}</span>}
      {props.error && (
        <span className="field-error" id={errorId} role="alert">
          {props.label} {props.error}
        </span>
      )}
    </div>
  );
}

/** The footer of an editor form: Apply submits the form; Revert restores the saved values. */
export function EditorActions({ onRevert }: { onRevert: () => void }) {
  return (
    <div className="editor-actions">
      <button type="submit" className="primary">
        Apply
      </button>
      <button type="button" onClick={onRevert}>
        Revert
      </button>
    </div>
  );
}
