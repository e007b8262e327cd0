/**
 * What an editable drawer section gets: its fragment of the project, whether the viewer may edit the
 * project (its forms and buttons are shown only then), and how to read the drawer again after a save.
 */
export interface SectionProps<Project> {
  project: Project;
  mayEdit: boolean;
  onSaved: () => Promise<unknown>;
}
