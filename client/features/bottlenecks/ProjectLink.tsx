// A project's name in a list: opens the project drawer over the page.
import { useProjectParam } from "../../app/useActionParam";

export function ProjectLink({ project }: { project: { id: string; code: string; name: string } }) {
  const [, openProject] = useProjectParam();
  return (
    <button type="button" className="project-link" onClick={() => openProject(project.id)} title={`${project.code} 详情`}>
      {project.name}
    </button>
  );
}
