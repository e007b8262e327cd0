// The longest text each of a project's fields takes (characters, once trimmed): the same when a
// project is registered (intake.ts: the form, the API, the spreadsheet import) and when it is edited
// (service.ts). The web client's forms check the same limits (client/features/project/validation.ts).
export const TEXT_LIMITS = {
  name: 200,
  description: 2000,
  targetUnit: 20,
  acceptanceRef: 200,
} as const;
