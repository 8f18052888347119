import { useId, type ReactNode } from 'react';

/** A modal frame: role dialog (or alertdialog), named by its title; Escape cancels. */
export function Modal(props: {
  title: string;
  role?: 'dialog' | 'alertdialog';
  onCancel: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const titleId = useId();
  const bodyId = useId();
  return (
    <div className="modal-backdrop">
      <div
        className={props.wide ? 'modal modal-wide' : 'modal'}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            props.onCancel();
          }
        }}
      >
        <h2 className="modal-title" id={titleId}>
          {props.title}
        </h2>
        <div className="modal-body" id={bodyId}>
          {props.children}
        </div>
      </div>
    </div>
  );
}
