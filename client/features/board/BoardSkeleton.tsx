import { STAGES, STAGE_LABELS } from "./format";

/** The board's shape while its first answer is on the way. */
export function BoardSkeleton() {
  return (
    <div className="board board--loading" aria-busy="true" aria-label="正在加载看板">
      {STAGES.map((stage) => (
        <section key={stage} className={`column column--${stage.toLowerCase().replaceAll("_", "-")}`}>
          <header className="column__header">
            <h2 className="column__title">
              <span className="column__dot" aria-hidden="true" />
              {STAGE_LABELS[stage]}
            </h2>
            <p className="column__investment skeleton-line skeleton-line--short" />
          </header>
          <div className="column__body">
            {[0, 1, 2].map((index) => (
              <div key={index} className="project-card project-card--skeleton">
                <p className="skeleton-line skeleton-line--short" />
                <p className="skeleton-line" />
                <p className="skeleton-line skeleton-line--medium" />
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
