import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { formatInvestment, formatQuantity, FUNDING_KINDS, FUNDING_LABELS } from "./format";

export const ProjectCardFragment = graphql(`
  fragment ProjectCard_project on Project {
    id
    code
    name
    daysInStage
    totalInvestment
    targetQuantity
    targetUnit
    responsibleUnit {
      id
      name
      shortName
    }
    township {
      id
      shortName
    }
    fundingSources {
      kind
    }
  }
`);

/** A project on the board (read-only in this milestone). */
export function ProjectCard({ project: projectData }: { project: FragmentOf<typeof ProjectCardFragment> }) {
  const project = readFragment(ProjectCardFragment, projectData);
  const kinds = FUNDING_KINDS.filter((kind) => project.fundingSources.some((source) => source.kind === kind));

  return (
    <article className="project-card" aria-label={project.name}>
      <p className="project-card__code">{project.code}</p>
      <h3 className="project-card__name">{project.name}</h3>
      <p className="project-card__units">
        <span title={project.responsibleUnit.name}>{project.responsibleUnit.shortName}</span>
        {project.township && <span>{project.township.shortName}</span>}
      </p>
      {project.targetQuantity && (
        <p className="project-card__target">
          目标 {formatQuantity(project.targetQuantity)} {project.targetUnit ?? ""}
        </p>
      )}
      {kinds.length > 0 && (
        <ul className="project-card__funding" aria-label="资金来源">
          {kinds.map((kind) => (
            <li key={kind} className={`funding-tag funding-tag--${kind.toLowerCase().replaceAll("_", "-")}`}>
              {FUNDING_LABELS[kind]}
            </li>
          ))}
        </ul>
      )}
      <footer className="project-card__footer">
        <span className="project-card__days">在本阶段 {project.daysInStage} 天</span>
        <span className="project-card__investment">{formatInvestment(project.totalInvestment)}</span>
      </footer>
    </article>
  );
}
