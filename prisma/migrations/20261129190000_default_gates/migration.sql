-- Every database gets the plan's default gates (谋储争推) and milestone durations (倒排工期) with its
-- schema, not only a seeded one: a database upgraded to gates must not let projects move ungated.
-- The office adjusts them afterwards; rows that already exist are left as they are.
INSERT INTO "gate_requirement" ("from_stage", "key", "label", "check", "position") VALUES
  ('RESERVE', 'proposal', '项目建议书或可行性研究报告', 'MANUAL', 0),
  ('RESERVE', 'funding_named', '已明确资金来源', 'FUNDING_SOURCE', 1),
  ('PREPARATION', 'land', '用地手续（用地预审、划拨或出让）', 'MANUAL', 2),
  ('PREPARATION', 'planning_permit', '建设工程规划许可证', 'MANUAL', 3),
  ('PREPARATION', 'construction_permit', '建筑工程施工许可证', 'MANUAL', 4),
  ('PREPARATION', 'funds_in_place', '建设资金已到位', 'MANUAL', 5),
  ('STARTED', 'first_report', '已报送首次月度进度', 'PROGRESS_REPORT', 6),
  ('UNDER_CONSTRUCTION', 'acceptance', '竣工验收日期及验收文件文号', 'ACCEPTANCE', 7)
ON CONFLICT ("from_stage", "key") DO NOTHING;

INSERT INTO "stage_setting" ("stage", "milestone_name", "default_days") VALUES
  ('RESERVE', '前期工作完成（项目建议书、资金来源）', 120),
  ('PREPARATION', '开工条件具备（用地、规划、施工许可、资金到位）', 150),
  ('STARTED', '首次进度上报', 30),
  ('UNDER_CONSTRUCTION', '竣工验收', 365)
ON CONFLICT ("stage") DO NOTHING;
