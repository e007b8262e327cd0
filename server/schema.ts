// Imports every module (each registers its types on the builder) and builds the schema.
import { builder } from "./builder.js";
import "./modules/common/schema.js";
import "./modules/auth/schema.js";
import "./modules/catalog/schema.js";
import "./modules/project/schema.js";
import "./modules/pipeline/schema.js";
import "./modules/indicator/schema.js";
import "./modules/audit/schema.js";
import "./modules/bottleneck/schema.js";
import "./modules/meeting/schema.js";
import "./modules/supervision/schema.js";

export const schema = builder.toSchema({ sortSchema: true });
