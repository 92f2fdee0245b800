// Runs the SQL of tools/bench/scorer_sql.py with DuckDB (npm package
// @duckdb/node-api, installed by make bench into build/bench/duckdb).
// usage: node duckdb_run.js SCORE.sql NODE_MODULES_DIR
'use strict';
const fs = require('fs');
const { DuckDBInstance } = require(require.resolve('@duckdb/node-api', { paths: [process.argv[3]] }));

(async () => {
	const sql = fs.readFileSync(process.argv[2], 'utf8');
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	await con.run(sql);
})().catch((e) => {
	console.error(`duckdb: ${e.message}`);
	process.exit(1);
});
