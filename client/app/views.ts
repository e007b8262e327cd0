// The application's pages besides the boards, each in the header's navigation and in the URL
// (`?view=<key>`), each loaded only when first opened (its own chunk), and each shown only to the
// users who may use it. A feature adds its page here, in one entry.
import { lazy, type ComponentType } from "react";
import type { FragmentOf, SchemaType } from "../graphql";
import type { MovableBoardViewerFragment } from "../features/board/MovableBoard";
import { canRegisterProjects } from "../features/intake/intakeAccess";

type Role = SchemaType<"Role">;

/** Who is signed in, as far as choosing pages goes. */
export interface ViewAccess {
  role: Role;
  unitId: string | null;
}

export interface ViewProps {
  /** The signed-in user (id, role, unit). */
  viewer: FragmentOf<typeof MovableBoardViewerFragment>;
}

export interface ViewDefinition {
  key: string;
  /** The navigation's label, in Chinese. */
  label: string;
  /** Whether this user may open the page (mirroring the server's rules for what it shows or changes). */
  allowed: (viewer: ViewAccess) => boolean;
  page: ComponentType<ViewProps>;
}

/** `lazy` for a module whose page is a named export. */
function lazyPage<M>(load: () => Promise<M>, name: keyof M): ComponentType<ViewProps> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<ViewProps> }));
}

/** Any of these roles. */
export function forRoles(...roles: Role[]): (viewer: ViewAccess) => boolean {
  return (viewer) => roles.includes(viewer.role);
}

export const VIEWS: readonly ViewDefinition[] = [
  {
    key: "bottlenecks",
    label: "瓶颈分析",
    allowed: forRoles("TEAM", "OFFICE", "LEADER", "ADMIN", "AUDITOR"),
    page: lazyPage(() => import("../features/bottlenecks/BottlenecksPage"), "BottlenecksPage"),
  },
  {
    key: "meetings",
    label: "调度会议",
    allowed: forRoles("TEAM", "OFFICE", "LEADER", "ADMIN", "AUDITOR"),
    page: lazyPage(() => import("../features/meetings/MeetingsPage"), "MeetingsPage"),
  },
  {
    key: "supervision",
    label: "督办",
    allowed: forRoles("TEAM", "OFFICE", "LEADER", "ADMIN", "AUDITOR", "OWNER"),
    page: lazyPage(() => import("../features/supervision/SupervisionPage"), "SupervisionPage"),
  },
  {
    key: "scoreboard",
    label: "红黑榜",
    allowed: forRoles("TEAM", "OFFICE", "LEADER", "ADMIN", "AUDITOR", "OWNER"),
    page: lazyPage(() => import("../features/supervision/ScoreboardPage"), "ScoreboardPage"),
  },
  {
    key: "indicators",
    label: "指标监测",
    allowed: () => true,
    page: lazyPage(() => import("../features/indicators/IndicatorsPage"), "IndicatorsPage"),
  },
  {
    key: "intake",
    label: "项目入库",
    allowed: canRegisterProjects,
    page: lazyPage(() => import("../features/intake/IntakePage"), "IntakePage"),
  },
];

/** The pages this user may open, in navigation order. */
export function viewsFor(viewer: ViewAccess): ViewDefinition[] {
  return VIEWS.filter((view) => view.allowed(viewer));
}
