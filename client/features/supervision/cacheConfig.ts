// The supervision feature's part of the graphcache configuration (app/cache.ts spreads it): its
// id-less types are embedded in their parents, and its result unions list their members.
const embedded = () => null;

export const supervisionKeys = {
  AppliedExemption: embedded,
  CloseSupervisionNoticeSuccess: embedded,
  ComponentWeight: embedded,
  EscalateSupervisionNoticeSuccess: embedded,
  GrantScoringExemptionSuccess: embedded,
  IssueSupervisionNoticeSuccess: embedded,
  PublishScoreboardSuccess: embedded,
  ReplySupervisionNoticeSuccess: embedded,
  RevokeScoringExemptionSuccess: embedded,
  SaveScoringSchemeSuccess: embedded,
  ScoreComponentScore: embedded,
  ScoreEntry: embedded,
  Scoreboard: embedded,
  ScoreboardPublication: embedded,
  ScoringScheme: embedded,
  SupervisionNoticeConnection: embedded,
  SupervisionNoticeEdge: embedded,
} as const;

const noticeResult = <S extends string>(success: S) =>
  ({ [success]: true, ForbiddenError: true, NotFoundError: true, ValidationError: true }) as Record<S | "ForbiddenError" | "NotFoundError" | "ValidationError", true>;

export const supervisionPossibleTypes = {
  CloseSupervisionNoticeResult: noticeResult("CloseSupervisionNoticeSuccess"),
  EscalateSupervisionNoticeResult: noticeResult("EscalateSupervisionNoticeSuccess"),
  GrantScoringExemptionResult: noticeResult("GrantScoringExemptionSuccess"),
  IssueSupervisionNoticeResult: noticeResult("IssueSupervisionNoticeSuccess"),
  ReplySupervisionNoticeResult: noticeResult("ReplySupervisionNoticeSuccess"),
  RevokeScoringExemptionResult: noticeResult("RevokeScoringExemptionSuccess"),
  PublishScoreboardResult: { ForbiddenError: true, PublishScoreboardSuccess: true, ValidationError: true },
  SaveScoringSchemeResult: { ForbiddenError: true, SaveScoringSchemeSuccess: true, ValidationError: true },
} as const;
