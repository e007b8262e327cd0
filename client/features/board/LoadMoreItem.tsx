/** The 加载更多 button at the foot of a column's list. */
export function LoadMoreItem({ loading = false, onClick }: { loading?: boolean; onClick?: () => void }) {
  return (
    <li className="column__more">
      <button className="button button--small button--ghost" type="button" onClick={onClick} disabled={loading}>
        {loading ? "正在加载…" : "加载更多"}
      </button>
    </li>
  );
}
