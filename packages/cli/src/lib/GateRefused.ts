/** A gate said no: the command completed, printed its report, and exits 1. */
export class GateRefused extends Error {
  name = 'GateRefused';
}
