// Graphcache configuration, checked against the schema by `tsc`:
// - types with an `id` are normalised; the ones without are embedded in their parent
//   (`key: () => null`). A new id-less object type in server/schema.graphql fails the build
//   here until it is listed.
// - unions and interfaces list their members, so fragments on them match exactly instead of
//   heuristically (e.g. `... on InvalidCredentialsError` inside `login`). A new member fails the
//   build too.
// - optimistic results and updates (board moves) come from the features that own them.
import type { CacheExchangeOpts } from "@urql/exchange-graphcache";
import { boardOptimistic, boardUpdates } from "../features/board/boardCache";
import type { introspection } from "../graphql-env.d.ts";
import { intakeUpdates } from "../features/intake/cacheUpdates";

type SchemaTypes = introspection["types"];
type RootTypeName = introspection["query"] | introspection["mutation"] | "Subscription";

/** Object types without an `id` field (connections, edges, payloads, errors, value objects). */
type EmbeddedTypeName = {
  [Name in keyof SchemaTypes]: SchemaTypes[Name] extends { kind: "OBJECT"; fields: infer Fields }
    ? "id" extends keyof Fields
      ? never
      : Name
    : never;
}[keyof SchemaTypes];

/** Each union and interface with the set of its member types. */
type PossibleTypeSets = {
  [Name in keyof SchemaTypes as SchemaTypes[Name] extends { kind: "UNION" | "INTERFACE" } ? Name : never]: Record<
    SchemaTypes[Name] extends { possibleTypes: infer Member extends string } ? Member : never,
    true
  >;
};

const embedded = () => null;

const keys: Record<Exclude<EmbeddedTypeName, RootTypeName>, typeof embedded> = {
  AccountLockedError: embedded,
  ActionSummary: embedded,
  AddMeetingTaskSuccess: embedded,
  AgendaItem: embedded,
  AgendaUnit: embedded,
  AnnualPlan: embedded,
  AppliedExemption: embedded,
  AuditChainStatus: embedded,
  AuditEventConnection: embedded,
  AuditEventEdge: embedded,
  BlockerAgeBucket: embedded,
  BlockerKindCount: embedded,
  Board: embedded,
  BoardColumn: embedded,
  BoardEvent: embedded,
  BottleneckReport: embedded,
  ChangePasswordSuccess: embedded,
  CloseMeetingTaskSuccess: embedded,
  CloseSupervisionNoticeSuccess: embedded,
  CompleteMilestoneSuccess: embedded,
  ComponentWeight: embedded,
  CreateDispatchMeetingSuccess: embedded,
  CreateProjectSuccess: embedded,
  CreateUserSuccess: embedded,
  CycleTime: embedded,
  DwellThreshold: embedded,
  EscalateSupervisionNoticeSuccess: embedded,
  FlowPoint: embedded,
  ForbiddenError: embedded,
  FundingSource: embedded,
  FunnelStage: embedded,
  GateItem: embedded,
  GateNotMetError: embedded,
  GenerateMilestonesSuccess: embedded,
  GrantScoringExemptionSuccess: embedded,
  ImportProjectsOutcome: embedded,
  ImportProjectsSuccess: embedded,
  ImportRow: embedded,
  ImportRowProblem: embedded,
  IndicatorLink: embedded,
  IndicatorProgress: embedded,
  IndicatorValue: embedded,
  InvalidCredentialsError: embedded,
  InvestmentLine: embedded,
  InvestmentProgress: embedded,
  IssueSupervisionNoticeSuccess: embedded,
  LightThresholds: embedded,
  LinkProjectIndicatorSuccess: embedded,
  LoginSuccess: embedded,
  MoveProjectSuccess: embedded,
  NotFoundError: embedded,
  OpenBlocker: embedded,
  OverdueMilestone: embedded,
  PageInfo: embedded,
  ProjectConnection: embedded,
  ProjectEdge: embedded,
  ProjectLight: embedded,
  PublishScoreboardSuccess: embedded,
  RaiseBlockerSuccess: embedded,
  ReplySupervisionNoticeSuccess: embedded,
  ResetUserPasswordSuccess: embedded,
  ResolveBlockerSuccess: embedded,
  RevokeScoringExemptionSuccess: embedded,
  SaveGateRequirementSuccess: embedded,
  SaveScoringSchemeSuccess: embedded,
  ScoreComponentScore: embedded,
  ScoreEntry: embedded,
  Scoreboard: embedded,
  ScoreboardPublication: embedded,
  ScoringScheme: embedded,
  SetDwellThresholdSuccess: embedded,
  SetGateItemSuccess: embedded,
  SetIndicatorValueSuccess: embedded,
  SetLightThresholdsSuccess: embedded,
  SetProjectArchivedSuccess: embedded,
  StageCount: embedded,
  StageTransitionConnection: embedded,
  StageTransitionEdge: embedded,
  StaleVersionError: embedded,
  StuckProject: embedded,
  SubmitProgressReportSuccess: embedded,
  SupervisionNoticeConnection: embedded,
  SupervisionNoticeEdge: embedded,
  TooManyAttemptsError: embedded,
  TransitionNotAllowedError: embedded,
  UnlinkProjectIndicatorSuccess: embedded,
  UpdateProjectSuccess: embedded,
  UpdateUserSuccess: embedded,
  UserConnection: embedded,
  UserEdge: embedded,
  ValidationError: embedded,
};

const possibleTypeSets: PossibleTypeSets = {
  AddMeetingTaskResult: {
    AddMeetingTaskSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    ValidationError: true,
  },
  BottleneckItem: {
    OpenBlocker: true,
    OverdueMilestone: true,
    StuckProject: true,
  },
  ChangePasswordResult: {
    ChangePasswordSuccess: true,
    InvalidCredentialsError: true,
    ValidationError: true,
  },
  CloseMeetingTaskResult: {
    CloseMeetingTaskSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    ValidationError: true,
  },
  CloseSupervisionNoticeResult: {
    CloseSupervisionNoticeSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    ValidationError: true,
  },
  CompleteMilestoneResult: {
    CompleteMilestoneSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    StaleVersionError: true,
    ValidationError: true,
  },
  CreateDispatchMeetingResult: {
    CreateDispatchMeetingSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    ValidationError: true,
  },
  CreateProjectResult: {
    CreateProjectSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    StaleVersionError: true,
    ValidationError: true,
  },
  CreateUserResult: {
    CreateUserSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    ValidationError: true,
  },
  Error: {
    AccountLockedError: true,
    ForbiddenError: true,
    GateNotMetError: true,
    InvalidCredentialsError: true,
    NotFoundError: true,
    StaleVersionError: true,
    TooManyAttemptsError: true,
    TransitionNotAllowedError: true,
    ValidationError: true,
  },
  EscalateSupervisionNoticeResult: {
    EscalateSupervisionNoticeSuccess: true,
    ForbiddenError: true,
    NotFoundError: true,
    ValidationError: true,
  },
  GenerateMilestonesResult: {
    ForbiddenError: true,
    GenerateMilestonesSuccess: true,
    NotFoundError: true,
    StaleVersionError: true,
    ValidationError: true,
  },
  GrantScoringExemptionResult: {
    ForbiddenError: true,
    GrantScoringExemptionSuccess: true,
    NotFoundError: true,
    ValidationError: true,
  },
  ImportProjectsResult: {
    ForbiddenError: true,
    ImportProjectsSuccess: true,
    ValidationError: true,
  },
  IssueSupervisionNoticeResult: {
    ForbiddenError: true,
    IssueSupervisionNoticeSuccess: true,
    NotFoundError: true,
    ValidationError: true,
  },
  LinkProjectIndicatorResult: {
    ForbiddenError: true,
    LinkProjectIndicatorSuccess: true,
    NotFoundError: true,
    ValidationError: true,
  },
  LoginResult: {
    AccountLockedError: true,
    InvalidCredentialsError: true,
    LoginSuccess: true,
    TooManyAttemptsError: true,
  },
  MoveProjectResult: {
    ForbiddenError: true,
    GateNotMetError: true,
    MoveProjectSuccess: true,
    NotFoundError: true,
    StaleVersionError: true,
    TransitionNotAllowedError: true,
  },
  Node: {
    Action: true,
    AuditEvent: true,
    Blocker: true,
    DispatchMeeting: true,
    GateRequirement: true,
    Indicator: true,
    IndicatorMeasure: true,
    MeetingTask: true,
    Milestone: true,
    ProgressReport: true,
    Project: true,
    ScoringExemption: true,
    StageTransition: true,
    SubTask: true,
    SupervisionNotice: true,
    Unit: true,
    User: true,
  },
  PublishScoreboardResult: {
    ForbiddenError: true,
    PublishScoreboardSuccess: true,
    ValidationError: true,
  },
  RaiseBlockerResult: {
    ForbiddenError: true,
    NotFoundError: true,
    RaiseBlockerSuccess: true,
    StaleVersionError: true,
    ValidationError: true,
  },
  ReplySupervisionNoticeResult: {
    ForbiddenError: true,
    NotFoundError: true,
    ReplySupervisionNoticeSuccess: true,
    ValidationError: true,
  },
  ResetUserPasswordResult: {
    ForbiddenError: true,
    NotFoundError: true,
    ResetUserPasswordSuccess: true,
    ValidationError: true,
  },
  ResolveBlockerResult: {
    ForbiddenError: true,
    NotFoundError: true,
    ResolveBlockerSuccess: true,
    StaleVersionError: true,
    ValidationError: true,
  },
  RevokeScoringExemptionResult: {
    ForbiddenError: true,
    NotFoundError: true,
    RevokeScoringExemptionSuccess: true,
    ValidationError: true,
  },
  SaveGateRequirementResult: {
    ForbiddenError: true,
    NotFoundError: true,
    SaveGateRequirementSuccess: true,
    ValidationError: true,
  },
  SaveScoringSchemeResult: {
    ForbiddenError: true,
    SaveScoringSchemeSuccess: true,
    ValidationError: true,
  },
  SetDwellThresholdResult: {
    ForbiddenError: true,
    NotFoundError: true,
    SetDwellThresholdSuccess: true,
    ValidationError: true,
  },
  SetGateItemResult: {
    ForbiddenError: true,
    NotFoundError: true,
    SetGateItemSuccess: true,
    StaleVersionError: true,
    ValidationError: true,
  },
  SetIndicatorValueResult: {
    ForbiddenError: true,
    NotFoundError: true,
    SetIndicatorValueSuccess: true,
    ValidationError: true,
  },
  SetLightThresholdsResult: {
    ForbiddenError: true,
    SetLightThresholdsSuccess: true,
    ValidationError: true,
  },
  SetProjectArchivedResult: {
    ForbiddenError: true,
    NotFoundError: true,
    SetProjectArchivedSuccess: true,
    StaleVersionError: true,
    ValidationError: true,
  },
  SubmitProgressReportResult: {
    ForbiddenError: true,
    NotFoundError: true,
    StaleVersionError: true,
    SubmitProgressReportSuccess: true,
    ValidationError: true,
  },
  UnlinkProjectIndicatorResult: {
    ForbiddenError: true,
    NotFoundError: true,
    UnlinkProjectIndicatorSuccess: true,
    ValidationError: true,
  },
  UpdateProjectResult: {
    ForbiddenError: true,
    NotFoundError: true,
    StaleVersionError: true,
    UpdateProjectSuccess: true,
    ValidationError: true,
  },
  UpdateUserResult: {
    ForbiddenError: true,
    NotFoundError: true,
    UpdateUserSuccess: true,
    ValidationError: true,
  },
};

const possibleTypes = Object.fromEntries(
  Object.entries(possibleTypeSets).map(([abstractType, members]) => [abstractType, Object.keys(members)]),
);

export const cacheConfig = {
  keys,
  possibleTypes,
  optimistic: boardOptimistic,
  updates: { Mutation: { ...boardUpdates.Mutation, ...intakeUpdates } },
} satisfies Partial<CacheExchangeOpts>;
