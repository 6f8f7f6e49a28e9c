/**
 * One vocabulary of actions, shared by the audit log, the API, the CLI and the UI's labels.
 */
export const ACTIONS = [
  'demo.load',
  'user.sign_in',
  'user.sign_out',
  'invitation.create',
  'invitation.accept',
  'category.update',
  'delegation.reopen',
  'delegation.set_head',
  'delegation.credentials_upload',
  'participant.nominate',
  'participant.import',
  'participant.update',
  'participant.photo',
  'participant.withdraw',
  'participant.approve',
  'participant.reject',
  'participant.check_in',
  'room.create',
  'session.create',
  'session.update',
  'session.cancel',
  'session.people',
] as const;

export type Action = (typeof ACTIONS)[number];
