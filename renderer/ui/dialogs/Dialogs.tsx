/** Renders the dialog at the head of the dialog queue (see app/dialogs.ts). */
import { useStore } from 'zustand';
import { selectCurrentDialog } from '../../app/dialogs.ts';
import { useApp } from '../app-context.ts';
import { Modal } from './Modal.tsx';
import { FileBrowserDialog } from './FileBrowserDialog.tsx';

export function Dialogs() {
  const { dialogs } = useApp();
  const d = useStore(dialogs, selectCurrentDialog);
  if (!d) return null;
  switch (d.kind) {
    case 'unsaved':
      return (
        <Modal key={d.id} title={`Save changes to ${d.props.fileName}?`} onCancel={() => d.resolve('cancel')}>
          <p>
            {d.props.reason === 'close'
              ? 'The window is closing. Your changes are lost if you don’t save them.'
              : 'Your changes are lost if you don’t save them.'}
          </p>
          <div className="modal-actions">
            <button type="button" className="primary" autoFocus onClick={() => d.resolve('save')}>
              Save
            </button>
            <button type="button" onClick={() => d.resolve('discard')}>
              Don’t save
            </button>
            <button type="button" onClick={() => d.resolve('cancel')}>
              Cancel
            </button>
          </div>
        </Modal>
      );
    case 'recover':
      return (
        <Modal key={d.id} title="Recover unsaved work?" onCancel={() => d.resolve('discard')}>
          <p>
            The workbench closed with unsaved changes
            {d.props.info.file ? ` to ${d.props.info.file.name}` : ' to an untitled project'}, last kept at{' '}
            {new Date(d.props.info.savedAt).toLocaleString()}.
          </p>
          <div className="modal-actions">
            <button type="button" className="primary" autoFocus onClick={() => d.resolve('recover')}>
              Recover
            </button>
            <button type="button" onClick={() => d.resolve('discard')}>
              Discard
            </button>
          </div>
        </Modal>
      );
    case 'error':
      return (
        <Modal key={d.id} role="alertdialog" title={d.props.title} onCancel={() => d.resolve(null)}>
          <p className="error-message">{d.props.message}</p>
          <div className="modal-actions">
            <button type="button" className="primary" autoFocus onClick={() => d.resolve(null)}>
              OK
            </button>
          </div>
        </Modal>
      );
    case 'noBackup':
      return (
        <Modal key={d.id} role="alertdialog" title={d.props.title} onCancel={() => d.resolve('cancel')}>
          <p className="error-message">{d.props.message}</p>
          <div className="modal-actions">
            <button type="button" className="primary" autoFocus onClick={() => d.resolve('cancel')}>
              Don’t save
            </button>
            <button type="button" onClick={() => d.resolve('without-backup')}>
              Save without backup
            </button>
          </div>
        </Modal>
      );
    case 'message':
      return (
        <Modal key={d.id} title={d.props.title} onCancel={() => d.resolve(null)}>
          <p className="pre-line">{d.props.message}</p>
          <div className="modal-actions">
            <button type="button" className="primary" autoFocus onClick={() => d.resolve(null)}>
              OK
            </button>
          </div>
        </Modal>
      );
    case 'fileBrowser':
      return <FileBrowserDialog key={d.id} mode={d.props.mode} suggestedName={d.props.suggestedName} accept={d.props.accept} onDone={d.resolve} />;
  }
}
