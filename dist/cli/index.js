#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage),
/* harmony export */   j: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/** The user's configuration or command line is wrong: exit 2 with this message, no stack. */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** Turns any thrown value (an Error, a string, anything) into a message fit for a person. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        return `unexpected error: ${JSON.stringify(error)}`;
    }
    catch {
        return `unexpected error: ${String(error)}`;
    }
}


/***/ }),

/***/ 6108:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ safeTerminalText),
/* harmony export */   Gy: () => (/* binding */ MESSAGE_LIMIT),
/* harmony export */   Np: () => (/* binding */ cap)
/* harmony export */ });
/* unused harmony exports FIELD_LIMIT, capMiddle, markdownText, markdownCode */
// Strings that come from the scanned tree (names, images, file names, notes, messages quoting them) are written
// by whoever opened the pull request. Each sink has ONE function here that makes them inert for it; see
// SECURITY.md ("Sinks") for the list.
/** Longest run of characters from scanned content shown in a table cell or a message field. */
const FIELD_LIMIT = 256;
/** Longest finding message shown in Markdown and annotations: our own words plus a few capped fields. */
const MESSAGE_LIMIT = 1024;
/** Cuts `text` to at most `max` code points, ending with an ellipsis when cut (never splits a surrogate pair). */
function cap(text, max = FIELD_LIMIT) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
/**
 * Cuts `text` to at most `max` code points by dropping its middle: wrapped errors (`kubectl kustomize failed
 * for x: accumulating resources: ...: security; file '...' is not in or below 'x'`) say what failed first and
 * why last, so both ends are kept.
 */
function capMiddle(text, max) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    if (points.length <= max)
        return text;
    const head = Math.ceil((max - 1) / 2);
    return `${points.slice(0, head).join('')}…${points.slice(points.length - (max - 1 - head)).join('')}`;
}
// ECMA-48 sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-byte ESC sequences;
// the 8-bit CSI/OSC introducers too. Terminals act on all of them (colors, titles, cursor moves, hyperlinks).
// Matching control characters is the point of these patterns.
/* eslint-disable no-control-regex */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007]*\u0007?/g;
const SGR = /^\u001b\[[0-9;]*m$/;
// C0 and C1 controls except tab and line feed, and DEL.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */
function visible(c) {
    if (c === '\r')
        return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}
/**
 * The final filter at the CLI's write boundary (stdout report, stderr progress): whatever a reporter printed,
 * no line may start (after whitespace) with `::` or `##[`, which the Actions runner reads as a workflow command
 * (docs.github.com "Workflow commands for GitHub Actions"; the runner also ends a line at a lone `\r`, so those
 * become visible `\r`). Escape sequences other than colors (SGR, kept only when `keepColors`) and control
 * characters other than tab and line feed are removed or made visible.
 */
function safeTerminalText(text, keepColors) {
    return text
        .replace(ANSI, (seq) => (keepColors && SGR.test(seq) ? seq : ''))
        .replace(/\r\n/g, '\n')
        .replace(CONTROL, (c) => (c === '\u001b' ? '\u001b' : visible(c)))
        .split('\n')
        .map(neutralizeCommandLine)
        .join('\n');
}
// A zero-width space after the first character: the line reads the same, but no longer starts with the token.
function neutralizeCommandLine(line) {
    return line.replace(/^(\s*)(:(?=:)|#(?=#\[))/u, '$1$2\u200b');
}
/**
 * Markdown for one table cell or inline phrase: capped; characters Markdown or HTML act on backslash-escaped
 * (`<img onerror>`, links, emphasis, `|` that would end the cell, `&` entities, a forged `<!-- -->` marker);
 * line breaks shown as `<br>` so nothing leaves the cell; `@mention`, `#123`, `org/repo#123`, `GH-123` and bare
 * URLs (`https://...`, `www.`) broken with a zero-width space so posting the text pings or links no one (GitHub
 * autolinked references, GFM extended autolinks).
 */
function markdownText(text, max = FIELD_LIMIT) {
    return neutralizeReferences(cap(text, max)
        .replace(ANSI, '')
        .replace(/[\\`*_[\]<>|~&#!]/g, '\\$&')
        .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
        .replace(CONTROL, ''));
}
function neutralizeReferences(text) {
    return text
        .replace(/:\/\//g, ':&#8203;//')
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#8203;.`)
        .replace(/@(?=[\w-])/g, '@&#8203;')
        .replace(/(\\#)(?=\d)/g, '$1&#8203;')
        .replace(/\b(GH)-(?=\d)/gi, '$1&#8203;-');
}
/**
 * An inline code span holding untrusted text: a backtick fence longer than any run inside (CommonMark "Code
 * spans"), line breaks and controls replaced by spaces, capped. Mentions and references are not linked inside
 * code spans. Not for table cells (GFM splits cells on `|` even inside code): use {@link markdownText} there.
 */
function markdownCode(text, max = FIELD_LIMIT) {
    const flat = cap(text, max)
        .replace(ANSI, '')
        .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
        .replace(CONTROL, ' ');
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    // A span that starts or ends with a backtick needs a space inside the fence; one space each side is stripped.
    const pad = /^`|`$/.test(flat) || /^ .* $/.test(flat) ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** archcheck's version, printed by `--version` and written into SARIF. A test keeps it equal to package.json's. */
const VERSION = '0.1.0';


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1535:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path/posix");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/cli/args-error.ts
/**
 * Turns a `node:util` parseArgs error into one line a person acts on: the option that was not understood and,
 * when one is close, the option they probably meant (`--archs` -> `--arch`).
 */
function describeArgsError(error, optionNames) {
    const e = error;
    const message = typeof e.message === 'string' ? e.message : String(error);
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const given = /Unknown option '([^']*)'/.exec(message)?.[1] ?? '';
        const guess = closest(given.replace(/^-+/, '').split('=')[0] ?? '', optionNames);
        return `unknown option ${given}${guess ? ` (did you mean --${guess}?)` : ''}`;
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        const missing = /Option '(-[^ ']*) <value>' argument missing/.exec(message);
        if (missing)
            return `option ${missing[1]} needs a value`;
        const flag = /Option '(-[^']*)' does not take an argument/.exec(message);
        if (flag)
            return `option ${flag[1]} takes no value`;
    }
    return message.split('. To specify')[0] ?? message;
}
/** The option nearest to `given` by edit distance, when it is near enough to be a typo (or a prefix of it). */
function closest(given, names) {
    if (!given)
        return undefined;
    let best;
    for (const name of names) {
        const distance = name.startsWith(given) ? 0 : editDistance(given, name);
        if (!best || distance < best.distance)
            best = { name, distance };
    }
    return best && best.distance <= Math.max(1, Math.floor(given.length / 3)) ? best.name : undefined;
}
/** Levenshtein distance (insert, delete, substitute), two rows at a time. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

// EXTERNAL MODULE: ./src/reporters/untrusted.ts
var untrusted = __nccwpck_require__(6108);
;// CONCATENATED MODULE: ./src/cli/streams.ts

function useColor(stream) {
    if (process.env.NO_COLOR)
        return false;
    if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0')
        return true;
    return Boolean(stream.isTTY);
}
/**
 * Every write passes {@link safeTerminalText}: reports and log lines quote names, images and file names from the
 * scanned tree, and a `run:` step's log reads `::error ...` lines as workflow commands. Color escapes survive
 * only where colors are on; no other escape sequence ever does.
 */
function guarded(stream) {
    const color = useColor(stream);
    return { color, write: (text) => void stream.write((0,untrusted/* safeTerminalText */.Dm)(text, color)) };
}

;// CONCATENATED MODULE: ./src/cli/main.ts




/** The help text; `formats` lists the output formats (only `--help` loads the reporters to say them). */
function usage(formats) {
    return `Usage: archcheck [paths...] [options]

Finds Kubernetes workloads whose images will not run on the node pools they can land on
(exec format error), and selectors that match no node (Pending), before deploy.
Paths are files or directories (default .): a directory is searched and its kustomizations are built;
a file named alone is checked as written; - reads manifests from standard input (reported as <stdin>),
e.g. helm template . | archcheck -

Options:
  --config FILE              config file (default: .archcheck.yaml, .archcheck.yml, .github/archcheck.yaml)
  --arch LIST                check against one cluster with these platforms, e.g. amd64,arm64 or
                             arm64/v8,linux/arm/v7,windows/amd64 (each read like a config pool's arch)
  --format FORMAT            output format, one of the formats below (default: text); repeatable
  --output FILE              write the matching --format to FILE (- is stdout); repeatable: the n-th
                             --output writes the n-th --format, and at most one format goes to stdout
  --fail-on LEVEL            error|warning|notice|never: exit 1 when a finding reaches LEVEL (default: error)
  --fail-on-unresolved       also exit 1 when coverage was lost: an image could not be inspected, or a
                             workload matched no cluster's paths (an outage is never green)
  --registry-mirror HOST=URL read HOST's images from URL (oci:DIR, https://..., http://...); repeatable;
                             an http(s) mirror named here may be on a private address
  --allow-private-registry HOST|CIDR
                             let registries on loopback/private addresses be contacted, e.g. localhost:5000,
                             registry.corp or 10.0.0.0/8 (link-local needs a CIDR such as 169.254.1.2/32);
                             repeatable; also ARCHCHECK_ALLOW_PRIVATE_REGISTRIES=a,b
  --baseline FILE            an earlier --format json report: findings it has are marked "baseline" and
                             do not count toward --fail-on (fail only on what is new)
  --no-ignore                ignore every suppression (# archcheck:ignore comments, archcheck.io/ignore
                             annotations, the config's ignore: entries): an audit of everything
  --kustomize-load-restrictor rootOnly|none
                             none lets kustomizations read files outside their root (default: rootOnly);
                             only here: the config file may not turn it off (see SECURITY.md)
  --deep                     deep verification: read the image build each node pool pulls (its config, and
                             the ELF header or #! line of the program the container runs) to catch builds
                             labelled with the wrong platform and binaries built for another CPU; also
                             turned on by deep: true in the config
  --deep-image-budget SIZE   most bytes deep mode downloads per image, e.g. 64MiB (default 64MiB)
  --deep-run-budget SIZE     most bytes deep mode downloads in the run (default 512MiB)
  --cache-dir DIR            keep registry answers (manifests, configs, tag digests; DIR/registry/) and deep
                             mode's results (DIR/deep/) between runs (default: $ARCHCHECK_CACHE_DIR, else
                             $XDG_CACHE_HOME/archcheck, else ~/.cache/archcheck); cached content is
                             re-verified by digest, tags are re-checked
  --no-cache                 read everything from the registries again and keep nothing
  --max-file-size SIZE       skip (and report) files larger than SIZE, e.g. 16MiB or 50MB (default: 16MiB)
  --quiet                    no progress lines on stderr
  -h, --help                 show this help
  -v, --version              show the version

Formats:
${formats}

Example: archcheck --format sarif --output archcheck.sarif --format text

Exit status: 0 nothing reached --fail-on, 1 something did (or coverage was lost with --fail-on-unresolved), 2 usage or configuration error,
3 internal error (a bug: please report it).`;
}
const OPTIONS = {
    config: { type: 'string' },
    arch: { type: 'string' },
    format: { type: 'string', multiple: true },
    output: { type: 'string', multiple: true },
    'fail-on': { type: 'string', default: 'error' },
    'fail-on-unresolved': { type: 'boolean', default: false },
    'registry-mirror': { type: 'string', multiple: true },
    'allow-private-registry': { type: 'string', multiple: true },
    baseline: { type: 'string' },
    'no-ignore': { type: 'boolean', default: false },
    'kustomize-load-restrictor': { type: 'string' },
    deep: { type: 'boolean', default: false },
    'deep-image-budget': { type: 'string' },
    'deep-run-budget': { type: 'string' },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    'max-file-size': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
};
function parse(argv) {
    return (0,external_node_util_.parseArgs)({ args: argv, allowPositionals: true, options: OPTIONS });
}
/**
 * The CLI shell: parse arguments, answer `--help` and `--version`, else run the engine, print, and return the
 * exit status. The engine (and the config schema, YAML, registry clients) is imported only when a scan runs,
 * so `--version` and `--help` start as fast as Node itself (issue 14; test/cli/startup.integration.test.ts).
 */
async function main(argv, streams = {
    stdout: process.stdout,
    stderr: process.stderr,
}) {
    const io = { stdout: guarded(streams.stdout), stderr: guarded(streams.stderr) };
    let args;
    try {
        args = parse(argv);
    }
    catch (error) {
        // The help text names every option, so suggestions never drift from what the CLI accepts.
        const names = [...new Set([...usage('').matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1] ?? ''))];
        io.stderr.write(`archcheck: ${describeArgsError(error, names)}\nRun archcheck --help for usage.\n`);
        return 2;
    }
    if (args.values.help) {
        const { FORMAT_IDS, REPORTERS } = await __nccwpck_require__.e(/* import() */ 586).then(__nccwpck_require__.bind(__nccwpck_require__, 7586));
        const formats = FORMAT_IDS.map((id) => `  ${id.padEnd(27)}${REPORTERS[id].description}`).join('\n');
        io.stdout.write(`${usage(formats)}\n`);
        return 0;
    }
    if (args.values.version) {
        io.stdout.write(`${version/* VERSION */.x}\n`);
        return 0;
    }
    const { runCli } = await Promise.all(/* import() */[__nccwpck_require__.e(869), __nccwpck_require__.e(586), __nccwpck_require__.e(925)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6925));
    return runCli(args, io, streams.stdin);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/cli.ts


main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`archcheck: ${(0,errors/* errorMessage */.g)(error)}\n`);
    process.exitCode = 3;
});

