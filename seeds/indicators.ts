// Demo data for the indicators: yearly actuals for 2023 and 2024, and links from the demo projects
// to the indicators they move, by sub-task. Both are ILLUSTRATIVE: the plan gives only the 2022
// baselines and the 2025 targets, and names no project for an indicator.
import { Prisma, type PrismaClient } from "@prisma/client";
import { appendAuditEvents, type AuditInput } from "../server/modules/audit/service.js";
import { inTransaction } from "../server/db/transaction.js";

/** Sub-task (一是/二是…) → the indicators (by code) its projects move. */
export const DEMO_LINKS: Record<string, number[]> = {
  "1.1": [1, 5, 6], // 现代产业体系 (粮油、制造) → GDP, 第一、第二产业
  "1.2": [6, 8], // 融合发展平台 → 第二产业, 全员劳动生产率
  "1.3": [7], // 生活消费场景 → 第三产业
  "2.1": [12], // 城市交通路网 → 人均城市道路面积
  "2.2": [10, 11, 18], // 市政管网 → 供水、燃气普及率, 污水集中处理率
  "2.3": [2], // 城市有机更新 → 城镇化率
  "2.4": [4], // 市政设施数字化 → 固定资产投资
  "3.1": [15], // 教育 → 师生比
  "3.2": [16], // 医疗 → 床位
  "3.3": [17], // 养老 → 养老床位
  "3.4": [14], // 文化体育 → 基本公共服务人均支出
  "4.1": [3], // 城市功能布局 → 县城常住人口规模
  "4.2": [13, 20], // 生态本底 → 公园绿地, 绿化覆盖率
  "4.3": [21], // 低碳化 → 空气质量优良天数
  "4.4": [19], // 垃圾处理 → 垃圾无害化处理率
  "5.1": [9, 22], // 乡村经济地理 → 非农就业比, 收入比
  "5.2": [22],
  "5.3": [14],
  "5.4": [22],
};

/**
 * Share of the way from baseline to target reached in 2023 and 2024 (a few lag, one moves the wrong
 * way), so that the dashboard shows every state. Indicators not listed get 0.35 and 0.7.
 */
const DEMO_SHARES: Record<number, [number, number]> = {
  1: [0.3, 0.62],
  2: [0.3, 0.6],
  4: [0.4, -0.5],
  5: [0.35, 0.7],
  12: [0.4, 0.8],
  15: [0.2, 0.45],
  16: [0.3, 0.5],
  19: [0.5, 1.1],
  21: [0.5, -1],
  22: [0.25, 0.55],
};

export async function seedDemoIndicators(prisma: PrismaClient): Promise<{ values: number; links: number }> {
  const indicators = await prisma.indicator.findMany({ include: { measures: true } });
  const projects = await prisma.project.findMany({ select: { id: true, subTask: { select: { code: true } } } });
  const byCode = new Map(indicators.map((i) => [i.code, i.id]));
  const values = indicators.flatMap((indicator) =>
    indicator.measures.flatMap((m) =>
      (DEMO_SHARES[indicator.code] ?? [0.35, 0.7]).map((share, i) => ({
        measureId: m.id,
        year: 2023 + i,
        value: m.baseline.plus(m.target.minus(m.baseline).times(share)).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP),
        note: "演示数据（示意）",
      })),
    ),
  );
  const links = projects.flatMap((p) =>
    (DEMO_LINKS[p.subTask.code] ?? []).map((code) => ({ projectId: p.id, indicatorId: byCode.get(code)! })),
  );
  await inTransaction(prisma, async (tx) => {
    await tx.indicatorValue.createMany({ data: values, skipDuplicates: true });
    await tx.projectIndicator.createMany({ data: links, skipDuplicates: true });
    const events: AuditInput[] = [
      { actorId: null, entity: "IndicatorValue", entityId: "demo", action: "indicator-value.seed", after: { count: values.length } },
      { actorId: null, entity: "ProjectIndicator", entityId: "demo", action: "project.indicator-link.seed", after: { count: links.length } },
    ];
    await appendAuditEvents(tx, events);
  });
  return { values: values.length, links: links.length };
}
