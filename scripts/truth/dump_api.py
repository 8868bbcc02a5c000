"""Dumps the public API of the installed TensorFlow, Keras and PyTorch (names, kinds, signatures, deprecation markers) as ground-truth fixtures."""
# Run with the interpreter of a venv that has the frameworks installed, e.g.
#   $FG_PYTHON scripts/truth/dump_api.py --out test/fixtures/truth
# One gzip-compressed JSON file per framework; see scripts/truth/README.md for the format.

from __future__ import annotations

import argparse
import builtins
import datetime
import dis
import gzip
import importlib
import inspect
import io
import json
import os
import pkgutil
import platform
import re
import sys
import types
import warnings
from collections import deque
from importlib import metadata

# Quiet the frameworks before they load: their banners are noise in CI logs.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.simplefilter("ignore")

# Walk bounds: no real API path is deeper, and the bounds stop any cycle the visited set would miss.
MAX_DEPTH = 8
MAX_NAMES_PER_FRAMEWORK = 400_000
MAX_CONSTANT_REPR = 80
MAX_WARNING_TEXT = 400

ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
DEPRECATED_DIRECTIVE = re.compile(r"\.\. deprecated::\s*([^\s]+)?[ \t]*\n?((?:[ \t]*\S[^\n]*\n?)*)")
TF_FUNC_WARNING = re.compile(
    r"THIS (FUNCTION|CLASS|ALIAS) IS DEPRECATED\.\s*It will be removed (?:after (\d{4}-\d{2}-\d{2})|in a future version)\.\s*"
    r"(?:Instructions for updating:\s*\n?(.*?))?(?:\n\s*\n|$)",
    re.S,
)
TF_ARGS_WARNING = re.compile(
    r"SOME ARGUMENT(?:S| VALUES) ARE DEPRECATED:\s*`?\(?([^`\n]*?)\)?`?\.\s*They will be removed "
    r"(?:after (\d{4}-\d{2}-\d{2})|in a future version)\.\s*(?:Instructions for updating:\s*\n?(.*?))?(?:\n\s*\n|$)",
    re.S,
)


MODULE_REPR = re.compile(r"<module '([^']+)' from '[^']*'>")
SITE_PACKAGES = re.compile(r"[^'\"\s]*/site-packages/")


def portable(text: str) -> str:
    """Drops what differs between machines: memory addresses, interpreter and venv paths."""
    text = ADDRESS.sub("", text)
    text = MODULE_REPR.sub(r"<module '\1'>", text)
    text = SITE_PACKAGES.sub("<site-packages>/", text)
    for prefix in sorted({sys.prefix, sys.base_prefix, sys.exec_prefix}, key=len, reverse=True):
        text = text.replace(prefix, "<prefix>")
    return text


def clean(text: str | None, limit: int = 300) -> str | None:
    """One line of text, bounded, with machine-specific parts removed so runs on two machines compare equal."""
    if text is None:
        return None
    text = portable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def signature_of(obj) -> str | None:
    try:
        return clean(str(inspect.signature(obj)), 2000)
    except (TypeError, ValueError, RuntimeError, AttributeError, NameError, ImportError, KeyError, IndexError, AssertionError):
        return None


def doc_signatures(obj, short: str) -> list[str] | None:
    """Signature lines a builtin writes in its docstring (torch C functions have no inspectable signature)."""
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str):
        return None
    found = []
    for line in doc.splitlines():
        line = line.strip()
        if line.startswith(".. function::"):
            line = line[len(".. function::"):].strip()
        if line.startswith(short + "(") and ")" in line:
            found.append(clean(line, 400))
    return sorted(set(found)) or None


def code_warnings(func) -> list[str]:
    """Constant strings mentioning deprecation in a function that calls warn(), including nested code."""
    try:
        func = inspect.unwrap(func)
    except ValueError:
        pass
    code = getattr(func, "__code__", None)
    if code is None:
        return []
    found: list[str] = []
    # Messages kept in module constants (tf.lite's _INTERPRETER_DELETION_WARNING) are read through the globals.
    module_globals = getattr(func, "__globals__", {})
    stack = [code]
    while stack:
        c = stack.pop()
        warns = any(n in ("warn", "warn_explicit", "warn_once", "deprecation_warning") for n in c.co_names)
        if warns:
            for n in c.co_names:
                value = module_globals.get(n)
                if isinstance(value, str) and "deprecat" in value.lower() and len(value) <= MAX_WARNING_TEXT:
                    found.append(clean(value, MAX_WARNING_TEXT))
        for index, const in enumerate(c.co_consts):
            if isinstance(const, types.CodeType):
                stack.append(const)
            elif index == 0 and isinstance(const, str) and "\n" in const:
                continue  # the docstring; its directives are read from __doc__
            elif warns and isinstance(const, str) and "deprecat" in const.lower() and len(const) <= MAX_WARNING_TEXT:
                found.append(clean(const, MAX_WARNING_TEXT))
    return sorted(set(found))


def deprecation_markers(obj, kind: str) -> list[dict] | None:
    markers: list[dict] = []
    doc = getattr(obj, "__doc__", None) if kind != "constant" else None
    if isinstance(doc, str):
        for m in TF_FUNC_WARNING.finditer(doc):
            markers.append({"source": "tf-deprecation", "what": m.group(1).lower(), "date": m.group(2), "instructions": clean(m.group(3))})
        for m in TF_ARGS_WARNING.finditer(doc):
            markers.append({"source": "tf-deprecated-args", "args": clean(m.group(1)), "date": m.group(2), "instructions": clean(m.group(3))})
        cleaned = inspect.cleandoc(doc)
        for m in DEPRECATED_DIRECTIVE.finditer(cleaned):
            marker = {"source": "directive", "version": m.group(1), "text": clean(m.group(2))}
            line_start = cleaned.rfind("\n", 0, m.start()) + 1
            if m.start() > line_start:
                # An indented directive sits under one argument's description, not on the API as a whole.
                marker["scope"] = "argument"
            markers.append(marker)
    if kind in ("function", "class"):
        own_init = obj.__dict__.get("__init__") if kind == "class" else None
        for target in (obj, own_init):
            message = getattr(target, "__deprecated__", None) if target is not None else None
            if isinstance(message, str):
                markers.append({"source": "typing-deprecated", "text": clean(message)})
        for target in ((obj,) if kind == "function" else (own_init, obj.__dict__.get("__new__"))):
            if target is not None:
                for text in code_warnings(target):
                    markers.append({"source": "warnings-warn", "text": text})
    unique = {json.dumps(m, sort_keys=True): m for m in markers}
    return [unique[k] for k in sorted(unique)] or None


def kind_of(obj) -> str:
    if inspect.ismodule(obj):
        return "module"
    if inspect.isclass(obj):
        return "class"
    # Callable objects (torch ops, tf.function objects) are used as functions.
    return "function" if callable(obj) else "constant"


# What a stub may do before its `raise`: load names and constants, build the message, construct the exception.
STUB_OPS = {
    "RESUME", "NOP", "CACHE", "EXTENDED_ARG", "PUSH_NULL", "PRECALL", "CALL", "KW_NAMES", "LOAD_CONST", "LOAD_FAST",
    "LOAD_DEREF", "LOAD_CLOSURE", "COPY_FREE_VARS", "MAKE_CELL", "LOAD_GLOBAL", "LOAD_ATTR", "LOAD_METHOD",
    "FORMAT_VALUE", "BUILD_STRING", "BUILD_TUPLE", "BINARY_OP", "RAISE_VARARGS",
}
# Callables and attributes a stub may use to build its message; anything else could do real work.
STUB_GLOBALS = {"type", "str", "repr", "len"}
STUB_ATTRIBUTES = {"format", "join", "__name__", "__qualname__", "__class__", "__module__"}
PROBE = "fg_probe_attribute"


def first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return clean(f"{type(error).__name__}: {text[0] if text else ''}".rstrip(": "), 300)


def raises_before_anything(func) -> bool:
    """True when a Python function's code raises as its first act: straight-line code that only builds an exception."""
    code = getattr(func, "__code__", None)
    if code is None:
        return False
    scope = {**vars(builtins), **getattr(func, "__globals__", {})}
    for instruction in dis.get_instructions(code):
        op = instruction.opname
        if op == "RAISE_VARARGS":
            return instruction.arg != 0
        if op not in STUB_OPS:
            return False
        if op == "LOAD_GLOBAL":
            value = scope.get(instruction.argval)
            if not (inspect.isclass(value) and issubclass(value, BaseException)) and instruction.argval not in STUB_GLOBALS:
                return False
        if op in ("LOAD_ATTR", "LOAD_METHOD") and instruction.argval not in STUB_ATTRIBUTES:
            return False
    return False


def dummy_arguments(func) -> tuple[list, dict]:
    """None for every required argument: a stub that raises first never reads them."""
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return [], {}
    args, kwargs = [], {}
    for p in parameters:
        if p.default is not inspect.Parameter.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.kind == p.KEYWORD_ONLY:
            kwargs[p.name] = None
        else:
            args.append(None)
    return args, kwargs


def raising_call(obj, kind: str) -> str | None:
    """The first line of what calling a function (or making an instance of a class) raises, for stubs that raise first.

    Only code that does nothing but raise is run (see raises_before_anything), with None for its arguments, so nothing
    heavy ever runs: `torch.solve` ("is now removed") and the classes of keras.optimizers.legacy qualify, a function that
    raises only in some mode (tf.compat.v1.placeholder under eager execution) does not.
    """
    if kind == "function":
        targets = [(inspect.unwrap(obj) if callable(obj) else obj, None)]
    elif kind == "class":
        targets = [(obj.__dict__.get(name), name) for name in ("__new__", "__init__")]
    else:
        return None
    for target, method in targets:
        if isinstance(target, (staticmethod, classmethod)):
            target = target.__func__
        if not isinstance(target, types.FunctionType) or not raises_before_anything(target):
            continue
        args, kwargs = dummy_arguments(target)
        if method is not None:
            try:
                instance = object.__new__(obj) if method == "__init__" else obj
            except TypeError:
                instance = None
            args = [instance, *args[1:]]
        try:
            target(*args, **kwargs)
        except Exception as error:  # the stub's own exception, caught to read its message
            return first_line(error)
    return None


def getattr_names(module) -> set[str]:
    """Names a module's own `__getattr__` (PEP 562) serves beyond dir(): the strings its code and the containers it reads name."""
    hook = vars(module).get("__getattr__") if isinstance(getattr(module, "__dict__", None), dict) else None
    code = getattr(hook, "__code__", None)
    if code is None:
        return set()
    found: set[str] = set()
    stack = [code]
    while stack:
        c = stack.pop()
        for const in c.co_consts:
            if isinstance(const, types.CodeType):
                stack.append(const)
            elif isinstance(const, str) and const.isidentifier():
                found.add(const)
        for name in c.co_names:
            value = vars(module).get(name)
            if isinstance(value, (dict, set, frozenset, list, tuple)):
                found.update(k for k in value if isinstance(k, str) and k.isidentifier())
    return {n for n in found if not n.startswith("_")}


def answers_its_own_reads(obj) -> bool:
    """A module or class whose type serves attribute reads itself without listing them in its own __dir__: a module
    object of a ModuleType subclass (torch.backends), or a class whose metaclass answers reads (protobuf messages, whose
    enum values such as tf.compat.v1.OptimizerOptions.OFF are not in dir())."""
    cls = type(obj)
    plain = (types.ModuleType, type, object)
    if cls in plain:
        return False
    own = lambda name: any(name in vars(k) for k in cls.__mro__ if k not in plain)
    return (own("__getattr__") or own("__getattribute__")) and not own("__dir__")


def lazy_failure(obj) -> str | None:
    """For a lazy-loading module whose load fails (tf.compat.v1.layers under Keras 3): what reading an attribute raises."""
    try:
        obj._load()
        return None
    except Exception:  # the load fails; what a user sees is the error of an attribute read
        pass
    try:
        getattr(obj, PROBE)
    except Exception as error:  # the stub's message, with the probed name replaced by a placeholder
        return first_line(error).replace(PROBE, "<name>")
    return None


def describe_constant(obj) -> dict:
    out = {"type": f"{type(obj).__module__}.{type(obj).__qualname__}"}
    if obj is None or isinstance(obj, (bool, int, float, str)):
        text = portable(repr(obj))
        if len(text) <= MAX_CONSTANT_REPR:
            out["value"] = text
    elif type(obj).__module__.split(".")[0] in ("torch", "tensorflow", "keras"):
        text = clean(repr(obj), MAX_CONSTANT_REPR)
        if text and len(text) < MAX_CONSTANT_REPR:
            out["value"] = text
    return out


def class_members(cls) -> list[str]:
    """Public attribute names of a class, inherited ones included (methods such as Tensor.view live on C bases)."""
    try:
        names = dir(cls)
    except Exception:
        return []
    return sorted(n for n in names if not n.startswith("_"))


def member_kind(cls, name: str) -> str:
    """`properties` for attributes computed on read (property, C getset or slot descriptors), `data` for plain values,
    `methods` for anything callable (functions, class and static methods, nested classes)."""
    try:
        raw = inspect.getattr_static(cls, name)
    except AttributeError:
        return "methods"
    if isinstance(raw, (property, types.GetSetDescriptorType, types.MemberDescriptorType)) or type(raw).__name__ == "cached_property":
        return "properties"
    if isinstance(raw, (staticmethod, classmethod)) or callable(raw):
        return "methods"
    # Other descriptors (TensorFlow's deprecated properties, torch's class properties) compute their value on read.
    if hasattr(type(raw), "__get__") and not isinstance(raw, (int, float, str, bytes, tuple, frozenset)):
        return "properties"
    return "data"


class Walker:
    """Breadth-first walk from root modules along public attributes; the first path to reach a module names it."""

    def __init__(self, packages: tuple[str, ...], skip: set[str], opaque: set[str] = frozenset()):
        self.packages = packages
        self.skip = skip
        # Modules recorded but not entered: their attributes are generated at run time (torch.ops).
        self.opaque = opaque
        self.names: dict[str, dict] = {}
        # Per walked module: public names it has that the walk does not describe, and attributes whose read raises.
        self.left: dict[str, dict] = {}
        self.module_paths: dict[int, str] = {}
        self.cache: dict[int, dict] = {}
        self.classes: dict[int, tuple[str, type]] = {}
        # Every object seen stays referenced: ids are cache keys, and a freed object's id can be reused.
        self.keep: list = []

    def in_packages(self, module_name: str | None) -> bool:
        return bool(module_name) and module_name.split(".")[0] in self.packages

    def children(self, module, path: str):
        """The public attributes the walk describes, as (name, object); what it leaves out is noted in self.left[path]."""
        all_names = getattr(module, "__all__", None)
        declared = {n for n in all_names if isinstance(n, str)} if isinstance(all_names, (list, tuple, set)) else None
        try:
            attrs = dir(module)
        except Exception:
            attrs = []
        left = self.left.setdefault(path, {"others": set(), "raising": {}})
        for name in sorted(set(attrs) | (declared or set())):
            if name.startswith("_"):
                continue
            if f"{path}.{name}" in self.skip:
                left["others"].add(name)
                continue
            try:
                obj = getattr(module, name)
                if inspect.ismodule(obj) and type(obj) is not types.ModuleType and hasattr(type(obj), "_load"):
                    # TensorFlow's lazy loaders (tf.keras) stand for the module they load; a load that fails (the Keras 2
                    # stubs tf.compat.v1.layers under Keras 3) makes every attribute read raise.
                    failure = lazy_failure(obj)
                    if failure is not None:
                        left["raising"][name] = failure
                        continue
                    obj = obj._load()
            except Exception:
                continue
            if inspect.ismodule(obj):
                # A submodule of this package, reached under its own name (tf.math is tensorflow._api.v2.math).
                own = obj.__name__
                if not self.in_packages(own):
                    left["others"].add(name)
                    continue
                if not (declared and name in declared) and not (own.endswith("." + name) or own.startswith(module.__name__ + ".")):
                    left["others"].add(name)
                    continue
            elif declared is not None and name in declared:
                pass
            elif inspect.isclass(obj) or inspect.isroutine(obj) or callable(obj):
                if not self.in_packages(getattr(obj, "__module__", None)) and not self.in_packages(type(obj).__module__):
                    left["others"].add(name)
                    continue
            elif not self.in_packages(type(obj).__module__) and (declared is not None or not isinstance(obj, (bool, int, float, str))):
                left["others"].add(name)
                continue
            yield name, obj

    def record(self, path: str, obj) -> None:
        self.keep.append(obj)
        try:
            self.describe(path, obj)
        except Exception as error:  # an object that breaks introspection (absl FLAGS parses argv) keeps its name
            self.names[path] = {"kind": kind_of(obj), "introspection": type(error).__name__}

    def describe(self, path: str, obj) -> None:
        kind = kind_of(obj)
        key = id(obj)
        # Constants are described each time: True, 0 or an interned string are shared objects, not aliases.
        if key in self.cache and kind in ("function", "class"):
            # The same object under another public path: point at the first path instead of repeating it.
            self.names[path] = {"kind": kind, "sameAs": self.cache[key]["path"]}
            return
        entry: dict = {"kind": kind}
        if kind in ("function", "class"):
            entry["signature"] = signature_of(obj)
            if entry["signature"] is None:
                docsig = doc_signatures(obj, path.rsplit(".", 1)[-1])
                if docsig:
                    entry["docSignatures"] = docsig
            if kind == "class":
                self.classes.setdefault(id(obj), (path, obj))
        elif kind == "constant":
            entry.update(describe_constant(obj))
        markers = deprecation_markers(obj, kind)
        if markers:
            entry["deprecation"] = markers
        raised = raising_call(obj, kind)
        if raised:
            entry["raises"] = raised
        if kind == "class" and answers_its_own_reads(obj):
            entry["dynamic"] = True
        if kind in ("function", "class"):
            self.cache[key] = {"path": path, "entry": entry}
        self.names[path] = entry

    def walk(self, root_path: str, root) -> None:
        queue = deque([(root_path, root, 0)])
        while queue:
            path, module, depth = queue.popleft()
            if len(self.names) >= MAX_NAMES_PER_FRAMEWORK:
                raise RuntimeError(f"more than {MAX_NAMES_PER_FRAMEWORK} names under {root_path}: the walk is not bounded")
            self.keep.append(module)
            if id(module) in self.module_paths:
                self.names[path] = {"kind": "module", "aliasOf": self.module_paths[id(module)]}
                continue
            self.module_paths[id(module)] = path
            self.record(path, module)
            if depth >= MAX_DEPTH or path in self.opaque:
                # Not entered: its names are not known, so none can be said to be missing.
                self.names[path]["dynamic"] = True
                continue
            walked = set()
            for name, obj in self.children(module, path):
                walked.add(name)
                child = f"{path}.{name}"
                if inspect.ismodule(obj):
                    queue.append((child, obj, depth + 1))
                elif child not in self.names:
                    self.record(child, obj)
            self.note_module(path, module, walked)

    def note_module(self, path: str, module, walked: set[str]) -> None:
        """What a reader needs to decide that a name under this module does not exist: every public name it has."""
        entry = self.names[path]
        left = self.left.get(path, {"others": set(), "raising": {}})
        for name, message in left["raising"].items():
            self.names[f"{path}.{name}"] = {"kind": "module", "raises": message}
        others = (left["others"] | getattr_names(module)) - walked - set(left["raising"])
        submodules = set()
        for location in getattr(module, "__path__", None) or []:
            try:
                found = pkgutil.iter_modules([location])
                submodules.update(info.name for info in found if not info.name.startswith("_"))
            except Exception:  # an odd __path__ entry (a namespace package's) lists nothing
                continue
        submodules -= walked | others | set(left["raising"])
        if others:
            entry["others"] = sorted(others)
        if submodules:
            entry["submodules"] = sorted(submodules)
        if path in self.opaque or answers_its_own_reads(module):
            entry["dynamic"] = True


    def add_members(self) -> None:
        """Gives each class its public members, minus those its nearest dumped base class already lists."""
        for _, (path, cls) in sorted(self.classes.items(), key=lambda item: item[1][0]):
            entry = self.cache[id(cls)]["entry"]
            members = set(class_members(cls))
            mro = getattr(cls, "__mro__", (cls,))
            base = next((b for b in mro[1:] if id(b) in self.classes), None)
            if base is not None:
                entry["base"] = self.classes[id(base)][0]
                members -= set(class_members(base))
            entry["members"] = sorted(members)
            kinds = {name: member_kind(cls, name) for name in members}
            for label in ("properties", "data"):
                chosen = sorted(n for n, k in kinds.items() if k == label)
                if chosen:
                    entry[label] = chosen


def version_of(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def import_quietly(name: str):
    try:
        return importlib.import_module(name)
    except Exception as error:  # an optional submodule that does not import here is reported, not fatal
        print(f"note: {name} does not import: {type(error).__name__}: {error}", file=sys.stderr)
        return None


# Submodules `import torch` does not load by itself; importing them makes them attributes the walk can reach.
TORCH_SUBMODULES = [
    "torch.accelerator", "torch.amp", "torch.autograd", "torch.compiler", "torch.cuda.amp", "torch.distributed",
    "torch.distributed.checkpoint", "torch.distributed.launch", "torch.distributed.run", "torch.distributed.fsdp", "torch.distributed.tensor", "torch.distributed.pipelining",
    "torch.distributed.elastic", "torch.distributions", "torch.export", "torch.fft", "torch.func", "torch.hub",
    "torch.jit", "torch.linalg", "torch.masked", "torch.nested", "torch.nn", "torch.nn.attention", "torch.nn.functional",
    "torch.nn.init", "torch.nn.parallel", "torch.nn.utils", "torch.nn.utils.parametrizations", "torch.nn.utils.rnn",
    "torch.nn.utils.prune", "torch.nn.utils.stateless", "torch.onnx", "torch.optim", "torch.optim.lr_scheduler",
    "torch.optim.swa_utils", "torch.profiler", "torch.quantization", "torch.ao.quantization", "torch.random",
    "torch.signal", "torch.sparse", "torch.special", "torch.testing", "torch.utils.benchmark", "torch.utils.checkpoint",
    "torch.utils.cpp_extension", "torch.utils.data", "torch.utils.data.distributed", "torch.utils.dlpack",
    "torch.utils.hooks", "torch.utils.mobile_optimizer", "torch.utils.tensorboard", "torch.backends.cudnn",
    "torch.backends.mps", "torch.mps", "torch.xpu", "torch.cpu.amp", "torch.package", "torch.fx",
]


def dump_tensorflow() -> tuple[dict, dict]:
    import tensorflow as tf

    # tf.compat.v2 is the TF2 namespace again; a path that enters compat twice repeats what is already dumped.
    walker = Walker(
        ("tensorflow", "keras", "tensorboard"),
        # tensorflow.dtensor.python is the implementation package that tf.dtensor happens to expose.
        skip={"tensorflow.compat.v2", "tensorflow.compat.v1.compat.v1", "tensorflow.compat.v1.compat.v2", "tensorflow.dtensor.python"},
    )
    # tf.keras is a lazy loader; the walk enters the module it loads (keras._tf_keras.keras in TF 2.16+).
    walker.walk("tensorflow", tf)
    # The same names as tensorflow, plus the few that only compat.v2 has (enable_v2_behavior).
    extra = sorted(n for n in set(dir(tf.compat.v2)) - set(dir(tf)) if not n.startswith("_"))
    walker.names["tensorflow.compat.v2"] = {"kind": "module", "aliasOf": "tensorflow", **({"others": extra} if extra else {})}
    walker.add_members()
    meta = {
        "versions": {"tensorflow": tf.__version__, "keras": version_of("keras"), "tensorboard": version_of("tensorboard")},
        "views": {"tensorflow.keras": tf.keras.__name__},
    }
    return meta, walker.names


def dump_keras() -> tuple[dict, dict]:
    import keras

    walker = Walker(("keras",), skip={"keras.src"})
    walker.walk("keras", keras)
    walker.add_members()
    return {"versions": {"keras": keras.__version__, "backend": keras.backend.backend()}}, walker.names


def dump_torch() -> tuple[dict, dict]:
    import torch

    for name in TORCH_SUBMODULES:
        import_quietly(name)
    walker = Walker(("torch",), skip={"torch.testing._internal"}, opaque={"torch.ops", "torch.classes"})
    walker.walk("torch", torch)
    walker.add_members()
    return {"versions": {"torch": torch.__version__}}, walker.names


FRAMEWORKS = {"tensorflow": dump_tensorflow, "keras": dump_keras, "torch": dump_torch}


def write(out_dir: str, framework: str, meta: dict, names: dict, command: str) -> str:
    document_meta = {
        "framework": framework,
        **meta,
        "python": platform.python_version(),
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
        "command": command,
        "count": len(names),
    }
    # One name per line, sorted, so the decompressed file diffs line by line between runs.
    buffer = io.StringIO()
    buffer.write('{"meta": ' + json.dumps(document_meta, sort_keys=True) + ',\n"names": {\n')
    lines = [json.dumps(n) + ": " + json.dumps(names[n], sort_keys=True, ensure_ascii=False) for n in sorted(names)]
    buffer.write(",\n".join(lines))
    buffer.write("\n}}\n")
    path = os.path.join(out_dir, f"{framework}.json.gz")
    with open(path, "wb") as raw:
        # mtime 0 and no file name: the same content gives the same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(buffer.getvalue().encode("utf-8"))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="directory for <framework>.json.gz")
    parser.add_argument("--only", choices=sorted(FRAMEWORKS), action="append", help="dump only these frameworks")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    command = " ".join(["python", os.path.relpath(sys.argv[0]), *sys.argv[1:]])
    for framework in args.only or sorted(FRAMEWORKS):
        meta, names = FRAMEWORKS[framework]()
        path = write(args.out, framework, meta, names, command)
        print(f"{framework}: {len(names)} names -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
