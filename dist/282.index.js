export const id = 282;
export const ids = [282];
export const modules = {

/***/ 4282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inspectProgram: () => (/* binding */ inspectProgram)
/* harmony export */ });
/* harmony import */ var node_path_posix__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1535);
/* harmony import */ var node_path_posix__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path_posix__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5171);
/* harmony import */ var _executable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3372);



/** Linux follows at most 4 levels of `#!` interpreters (fs/exec.c, BINPRM_MAX_RECURSION). */
const MAX_INTERPRETERS = 4;
/**
 * What the kernel loads to run `program`: the first candidate that exists, then, for a script, its
 * interpreter, and so on. `/usr/bin/env NAME` is followed to NAME on the image's PATH, since env only
 * execs it. Every file's head says what it is built for; which pool runs it is the rules' question.
 */
async function inspectProgram(program, config, resolve) {
    const files = [];
    let candidates = program.candidates;
    for (let depth = 0; depth <= MAX_INTERPRETERS; depth++) {
        const found = await firstFile(candidates, resolve);
        if ('reason' in found)
            return { kind: 'incomplete', reason: found.reason };
        const executable = (0,_executable_js__WEBPACK_IMPORTED_MODULE_2__/* .readExecutable */ .pK)(found.head);
        files.push({ path: found.path, executable });
        if (executable.kind !== 'script')
            return { kind: 'checked', written: program.written, source: program.source, files };
        const { interpreter, argument } = executable;
        // The kernel opens a relative interpreter from the process's working directory.
        candidates = [node_path_posix__WEBPACK_IMPORTED_MODULE_0___default().resolve('/', config.workingDir || '/', interpreter)];
        if (node_path_posix__WEBPACK_IMPORTED_MODULE_0___default().basename(interpreter) === 'env' && argument && !argument.startsWith('-')) {
            // Check env itself, then what it runs.
            const envFile = await firstFile(candidates, resolve);
            if ('reason' in envFile)
                return { kind: 'incomplete', reason: envFile.reason };
            files.push({ path: envFile.path, executable: (0,_executable_js__WEBPACK_IMPORTED_MODULE_2__/* .readExecutable */ .pK)(envFile.head) });
            candidates = (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .candidatesFor */ ._j)(argument.split(/[ \t]+/)[0], config);
        }
    }
    return {
        kind: 'incomplete',
        reason: `${files[0]?.path ?? program.written} nests interpreters deeper than Linux runs them`,
    };
}
async function firstFile(candidates, resolve) {
    const misses = [];
    for (const candidate of candidates) {
        const found = await resolve(candidate);
        if (found.kind === 'file')
            return found;
        if (found.kind === 'error')
            return { reason: found.reason };
        misses.push(found.path === candidate ? `${candidate} ${found.why}` : `${candidate} (${found.path} ${found.why})`);
    }
    const tried = misses.length > 3 ? `${misses.slice(0, 3).join('; ')}; and ${misses.length - 3} more` : misses.join('; ');
    return { reason: `the program is not in the image: ${tried}` };
}


/***/ })

};
