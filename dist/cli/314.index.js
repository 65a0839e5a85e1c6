export const id = 314;
export const ids = [314];
export const modules = {

/***/ 3314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   collectFacts: () => (/* binding */ collectFacts),
/* harmony export */   resolveFile: () => (/* binding */ resolveFile)
/* harmony export */ });
/* harmony import */ var _executable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3372);

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/** `a/b/c` -> [`a`, `a/b`]. */
function ancestorsOf(p) {
    const parts = p.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
/**
 * A TarReader visitor that collects one layer's facts about `target`, asking for the head of `target` only,
 * and stopping as soon as nothing later in the layer can change them: `target` found, or deleted, or an
 * ancestor found that is not a directory.
 */
function collectFacts(target) {
    const facts = { entries: {}, whiteouts: [], opaque: [] };
    const ancestors = new Set(ancestorsOf(target));
    return {
        facts,
        visit(entry) {
            const slash = entry.path.lastIndexOf('/');
            const dir = slash < 0 ? '' : entry.path.slice(0, slash);
            const base = entry.path.slice(slash + 1);
            if (base === OPAQUE) {
                if (ancestors.has(dir))
                    facts.opaque.push(dir);
                return 'skip';
            }
            if (base.startsWith(WHITEOUT)) {
                const deleted = dir ? `${dir}/${base.slice(WHITEOUT.length)}` : base.slice(WHITEOUT.length);
                if (deleted !== target && !ancestors.has(deleted))
                    return 'skip';
                facts.whiteouts.push(deleted);
                return 'stop';
            }
            if (entry.path === target) {
                if (entry.type === 'file')
                    return { head: _executable_js__WEBPACK_IMPORTED_MODULE_0__/* .HEAD_BYTES */ .Lq };
                facts.entries[target] = factOf(entry);
                return 'stop';
            }
            if (!ancestors.has(entry.path))
                return 'skip';
            facts.entries[entry.path] = factOf(entry);
            return entry.type === 'dir' ? 'skip' : 'stop';
        },
        onHead(entry, head) {
            facts.entries[entry.path] = { type: 'file', head };
            return 'stop';
        },
    };
}
function factOf(entry) {
    switch (entry.type) {
        case 'symlink':
        case 'hardlink':
            return { type: entry.type, target: entry.linkTarget };
        case 'dir':
        case 'other':
            return { type: entry.type };
        case 'file':
            return { type: 'file', head: new Uint8Array(0) };
        default: {
            const unreachable = entry.type;
            return unreachable;
        }
    }
}
/** Linux gives up after 40 symlinks in one lookup (ELOOP, path_resolution(7)). */
const MAX_SYMLINKS = 40;
/** Splits and normalizes, `..` clamped at the root as the kernel does. */
function split(p) {
    const out = [];
    for (const part of p.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            out.pop();
        else
            out.push(part);
    }
    return out;
}
/**
 * Resolves an absolute path in the image the layers stack into (top first), following symlinks in every
 * component (relative ones from their directory, absolute ones from the image root, as in a container)
 * and hard links within their layer. Reads layers through `lookup` only as far down as needed.
 */
async function resolveFile(start, layers, lookup) {
    let parts = split(start);
    for (let hops = 0;;) {
        const full = parts.join('/');
        let followed = false;
        for (let i = 0; i < parts.length && !followed; i++) {
            const prefix = parts.slice(0, i + 1).join('/');
            const found = await topmost(prefix, full, layers, lookup);
            if ('error' in found)
                return { kind: 'error', reason: found.error };
            const { fact, layer } = found;
            if (!fact)
                return { kind: 'missing', path: `/${prefix}`, why: 'does not exist' };
            if (fact.type === 'symlink') {
                if (++hops > MAX_SYMLINKS)
                    return { kind: 'missing', path: `/${full}`, why: 'is a symlink loop' };
                const base = fact.target.startsWith('/') ? [] : parts.slice(0, i);
                parts = split([...base, fact.target, ...parts.slice(i + 1)].join('/'));
                followed = true;
            }
            else if (i < parts.length - 1) {
                if (fact.type !== 'dir')
                    return { kind: 'missing', path: `/${prefix}`, why: 'is not a directory' };
            }
            else if (fact.type === 'file') {
                return { kind: 'file', path: `/${full}`, head: fact.head };
            }
            else if (fact.type === 'hardlink') {
                // A hard link names a file stored earlier in the same layer.
                const linked = await lookup(layer, fact.target);
                if ('error' in linked)
                    return { kind: 'error', reason: linked.error };
                const target = linked.entries[fact.target];
                if (target?.type === 'file')
                    return { kind: 'file', path: `/${full}`, head: target.head };
                return {
                    kind: 'missing',
                    path: `/${full}`,
                    why: `is a hard link to /${fact.target}, which its layer lacks`,
                };
            }
            else {
                return {
                    kind: 'missing',
                    path: `/${full}`,
                    why: `is a ${fact.type === 'dir' ? 'directory' : 'special file'}`,
                };
            }
        }
        if (!followed)
            return { kind: 'missing', path: '/', why: 'is the root directory' };
    }
}
/** The topmost layer's entry for `p` (undefined when deleted or absent); facts are looked up for `full`. */
async function topmost(p, full, layers, lookup) {
    const ancestors = ancestorsOf(p);
    for (let layer = 0; layer < layers; layer++) {
        const facts = await lookup(layer, full);
        if ('error' in facts)
            return facts;
        for (const a of ancestors) {
            const entry = facts.entries[a];
            if (facts.whiteouts.includes(a) || (entry && entry.type !== 'dir'))
                return { layer };
        }
        if (facts.whiteouts.includes(p))
            return { layer };
        const fact = facts.entries[p];
        if (fact)
            return { fact, layer };
        // Tars may leave parent directories out: anything this layer holds beneath `p` makes `p` a directory here.
        const below = `${p}/`;
        const beneath = (q) => q.startsWith(below);
        if (Object.keys(facts.entries).some(beneath) ||
            facts.whiteouts.some(beneath) ||
            facts.opaque.some((o) => o === p || beneath(o))) {
            return { fact: { type: 'dir' }, layer };
        }
        if (ancestors.some((a) => facts.opaque.includes(a)))
            return { layer };
    }
    return { layer: layers };
}


/***/ })

};
