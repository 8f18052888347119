import { useWorkbench } from '../../store/react.ts';
import { selectEstate } from '../../store/selectors.ts';
import { Modal } from '../dialogs/Modal.tsx';
import { PinPicker } from './PinPicker.tsx';

/** "Pin…" from the Results pane: the server's pin picker for the plan's scenario, on top, where the click was. */
export function PinDialog({ serverId, scenarioId, onClose }: { serverId: string; scenarioId: string; onClose: () => void }) {
  const estate = useWorkbench(selectEstate);
  const name = estate?.servers.find((s) => s.id === serverId)?.name ?? serverId;
  return (
    <Modal title={`Pin ${name}`} onCancel={onClose}>
      <PinPicker serverId={serverId} scenarioId={scenarioId} />
      <div className="modal-actions">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
