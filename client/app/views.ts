// The application's pages besides the boards, each in the header's navigation and in the URL
// (`?view=<key>`), each loaded only when first opened (its own chunk), and each shown only to the
// roles that use it. A feature adds its page here, in one entry.
import { lazy, type ComponentType } from "react";
import type { FragmentOf, SchemaType } from "../graphql";
import type { MovableBoardViewerFragment } from "../features/board/MovableBoard";

type Role = SchemaType<"Role">;

export interface ViewProps {
  /** The signed-in user (id, role, unit). */
  viewer: FragmentOf<typeof MovableBoardViewerFragment>;
}

export interface ViewDefinition {
  key: string;
  /** The navigation's label, in Chinese. */
  label: string;
  roles: readonly Role[];
  page: ComponentType<ViewProps>;
}

export const ALL_ROLES: readonly Role[] = ["ADMIN", "LEADER", "OFFICE", "TEAM", "OWNER", "AUDITOR"];

export const VIEWS: readonly ViewDefinition[] = [];

/** The pages this role may open, in navigation order. */
export function viewsFor(role: Role): ViewDefinition[] {
  return VIEWS.filter((view) => view.roles.includes(role));
}

/** `lazy` for a module whose page is a named export. */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M): ComponentType<ViewProps> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<ViewProps> }));
}
