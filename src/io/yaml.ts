// The YAML parser (the yaml package), behind one module. Imported statically by the modules that
// parse YAML, which are themselves loaded on demand: a dynamic import of the package inside the
// bundle gave its CommonJS namespace without the named exports.
export { LineCounter, parseDocument, isMap, isNode, isScalar, visit } from 'yaml';
export type { Document, Node } from 'yaml';
