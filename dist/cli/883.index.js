export const id = 883;
export const ids = [883,470];
export const modules = {

/***/ 6883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildRoot: () => (/* binding */ buildRoot)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _documents_ast_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5102);
/* harmony import */ var _documents_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(911);
/* harmony import */ var _workloads_extract_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2724);
/* harmony import */ var _workloads_kinds_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5013);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3470);






const ORIGIN = 'config.kubernetes.io/origin';
/**
 * Builds one root and finds the file each rendered workload was written in. Origin annotations say it, but cost
 * 1.3-4x the build (issue 14: redis-ha 1223 ms against 266 ms), so the root is first built as is and each workload
 * matched by kind and name among the resource files of the root's kustomizations. Only when a match is not unique
 * (the same name in two files, a name no file has), or when objects can come from elsewhere (a remote base, a Helm
 * chart, a plugin) or be renamed (a patch or replacement setting `metadata/name`), is it built again with origins. A failed build fails the same way either way.
 */
async function buildRoot(tool, root, tree, sources, options) {
    const { files, external } = closure(tree, root);
    if (!external) {
        const plain = await (0,_build_js__WEBPACK_IMPORTED_MODULE_5__.buildKustomization)(tool, root, { ...options, origins: false });
        if (!plain.ok)
            return plain;
        const parsed = parseOutput(plain.stdout, options.rootFileName);
        const objects = rendered(parsed);
        const sourceFiles = await matchFiles(objects.map((o) => o.obj), files, sources);
        if (sourceFiles) {
            return {
                ok: true,
                parsed,
                objects: objects.map((o, i) => ({ ...o, file: sourceFiles[i] })),
                origins: false,
            };
        }
    }
    const built = await (0,_build_js__WEBPACK_IMPORTED_MODULE_5__.buildKustomization)(tool, root, { ...options, origins: true });
    if (!built.ok)
        return built;
    const parsed = parseOutput(built.stdout, options.rootFileName);
    const objects = rendered(parsed).map((o) => {
        const origin = originOf(o.obj);
        return origin && built.origin ? { ...o, file: built.origin(origin) } : o;
    });
    return { ok: true, parsed, objects, origins: true };
}
function parseOutput(stdout, rootFileName) {
    const parsed = (0,_documents_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifestFile */ .N)(rootFileName, stdout);
    // The build output is in no file: a YAML error in it (a plugin's output) belongs to the kustomization.
    for (const p of parsed.problems)
        p.location = { file: rootFileName, line: 1, column: 1 };
    return parsed;
}
function rendered(parsed) {
    return parsed.objects.flatMap((obj) => {
        const workloads = (0,_workloads_extract_js__WEBPACK_IMPORTED_MODULE_3__/* .extractWorkloads */ ._Y)(obj);
        return workloads.length > 0 ? [{ obj, workloads }] : [];
    });
}
/** The resource files of every kustomization a build of `root` goes through, and whether any fetches or plugs in. */
function closure(tree, root) {
    const files = new Set();
    let external = false;
    const seen = new Set();
    const pending = [root];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
        if (seen.has(dir))
            continue;
        seen.add(dir);
        const k = tree.nodes.get(dir);
        // A kustomization archcheck could not read is built by kustomize all the same: only origins tell.
        if (!k)
            return { files: [], external: true };
        external ||= k.external || k.renames;
        for (const f of k.resourceFiles)
            files.add(f);
        pending.push(...k.children, ...k.components);
    }
    return { files: [...files], external };
}
/**
 * The file each rendered object was written in, found without origins: the file holding an object of the same
 * kind and API group whose name the rendered name contains (namePrefix and nameSuffix only add to it), the longest
 * such name winning. Undefined as soon as one object has no such file or two files tie.
 */
async function matchFiles(objects, files, sources) {
    const parsed = await Promise.all(files.map(async (file) => ({ file, parsed: await sources.get(file) })));
    const found = [];
    for (const obj of objects) {
        const group = (0,_workloads_kinds_js__WEBPACK_IMPORTED_MODULE_4__/* .apiGroup */ .oI)(obj.apiVersion);
        let best = -1;
        let at = [];
        for (const { file, parsed: p } of parsed) {
            const score = (p?.objects ?? []).reduce((n, c) => c.kind === obj.kind && (0,_workloads_kinds_js__WEBPACK_IMPORTED_MODULE_4__/* .apiGroup */ .oI)(c.apiVersion) === group && obj.name.includes(c.name)
                ? Math.max(n, c.name.length)
                : n, -1);
            if (score > best)
                [best, at] = [score, [file]];
            else if (score === best && score >= 0)
                at.push(file);
        }
        if (best < 0 || at.length !== 1 || !at[0])
            return undefined;
        found.push(at[0]);
    }
    return found;
}
/** The `path` of an object's origin annotation (local files only: `repo` origins were fetched by kustomize). */
function originOf(obj) {
    const annotations = (0,_documents_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .asMap */ .$H)(obj.ctx, (0,_documents_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(obj.ctx, (0,_documents_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .asMap */ .$H)(obj.ctx, (0,_documents_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(obj.ctx, obj.map, 'metadata')), 'annotations'));
    const text = (0,_documents_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .scalarString */ .Cg)(obj.ctx, (0,_documents_ast_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(obj.ctx, annotations, ORIGIN));
    if (!text)
        return undefined;
    try {
        const origin = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
        return origin && typeof origin.path === 'string' && origin.repo === undefined ? origin.path : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 3470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildKustomization: () => (/* binding */ buildKustomization),
/* harmony export */   findKustomizeTool: () => (/* binding */ findKustomizeTool),
/* harmony export */   kustomizeError: () => (/* binding */ kustomizeError)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _subprocess_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9462);
/* harmony import */ var _reporters_untrusted_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6108);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6153);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8431);







/** `kustomize` when present (it is usually newer), else `kubectl`; or the one the config names. */
function findKustomizeTool(choice, env) {
    if (choice !== 'kubectl') {
        const command = (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .findOnPath */ .aY)('kustomize', env);
        if (command)
            return { command, subcommand: 'build' };
    }
    if (choice !== 'kustomize') {
        const command = (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .findOnPath */ .aY)('kubectl', env);
        if (command)
            return { command, subcommand: 'kustomize' };
    }
    return undefined;
}
/**
 * Builds one kustomization, as is or with origin annotations, without touching the user's files. kustomize has no
 * flag for origins, so a wrapper kustomization in a temporary directory includes the root (by a relative path:
 * kustomize refuses absolute ones) and sets `buildMetadata: [originAnnotations]`. Each object then carries
 * `config.kubernetes.io/origin: {path}` relative to the wrapper (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/buildmetadata/).
 */
async function buildKustomization(tool, root, options) {
    if (!options.origins)
        return run(tool, root, root, (text) => text, options);
    const wrapper = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'archcheck-kustomize-'));
    try {
        const relative = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .posixRelative */ .q)(wrapper, root);
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative)) {
            return {
                ok: false,
                message: `cannot build ${options.rootName}: it is on another drive than the temporary directory`,
            };
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(wrapper, 'kustomization.yaml'), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${JSON.stringify(relative)}\nbuildMetadata: [originAnnotations]\n`);
        // Name the root as the user knows it, not through the wrapper.
        const rename = (text) => text.split(relative).join(options.rootName);
        const result = await run(tool, wrapper, wrapper, rename, options);
        return result.ok ? { ...result, origin: (p) => node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(wrapper, p) } : result;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(wrapper, { recursive: true, force: true });
    }
}
/** Runs kustomize on `dir`; `rename` rewrites paths in its error that the user would not know. */
async function run(tool, dir, cwd, rename, options) {
    const args = [tool.subcommand, dir];
    if (options.loadRestrictor === 'none')
        args.push('--load-restrictor', 'LoadRestrictionsNone');
    const result = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .execText */ .pd)(tool.command, args, {
        cwd,
        env: options.env,
        allow: _subprocess_env_js__WEBPACK_IMPORTED_MODULE_3__/* .KUSTOMIZE_ENV */ .QF,
        timeoutMs: options.timeoutMs,
    });
    if (result.ok)
        return { ok: true, stdout: result.stdout };
    // Say paths the way the user knows them, relative to the working directory.
    const detail = rename(kustomizeError(result.stderr || result.error))
        .split(`${options.cwd}${(node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)}`)
        .join('');
    return {
        ok: false,
        // kustomize quotes what it failed on (a file's lines, a value): capped like any scanned text.
        message: `${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(tool.command)} ${tool.subcommand} failed for ${options.rootName}: ${(0,_reporters_untrusted_js__WEBPACK_IMPORTED_MODULE_6__/* .cap */ .Np)(detail, _reporters_untrusted_js__WEBPACK_IMPORTED_MODULE_6__/* .MESSAGE_LIMIT */ .Gy)}`,
    };
}
/**
 * kubectl wraps the error in klog's structured form: `E... "command failed" err="..."` on one line, or, when
 * the error has several lines, `err=<` followed by tab-indented lines and a closing ` >` (klog's multi-line
 * value). kustomize alone prints `Error: ...`. Keep the error itself, every line of it: the cause (a remote
 * base that cannot be fetched) is often on the last one.
 */
function kustomizeError(stderr) {
    const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('# Warning:'));
    const text = lines.join('\n');
    const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(text);
    if (quoted?.[1])
        return quoted[1].replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    const open = lines.findIndex((l) => /\berr=<$/.test(l));
    if (open >= 0) {
        const body = [];
        for (const line of lines.slice(open + 1)) {
            if (line.trim() === '>')
                break;
            body.push(line.replace(/^\t/, '').trim());
        }
        const joined = body
            .filter((l) => l !== ':' && l !== '')
            .join(' ')
            .replace(/\s+:\s+/g, ': ');
        if (joined)
            return joined;
    }
    const error = lines.find((l) => l.startsWith('Error:'));
    return (error ?? lines[lines.length - 1] ?? 'no error output').replace(/^Error:\s*/, '');
}


/***/ })

};
