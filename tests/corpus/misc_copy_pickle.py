# copy/deepcopy and pickle round trips of user-defined classes defined in __main__.
import copy
import pickle


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def total(self):
        return self.value + sum(c.total() for c in self.children)

    def __eq__(self, other):
        return isinstance(other, Node) and (self.value, self.children) == (other.value, other.children)


class Custom:
    def __init__(self, x):
        self.x = x

    def __reduce__(self):
        return (Custom, (self.x * 10,))

    def __copy__(self):
        return Custom(-self.x)


def check(tree):
    shallow = copy.copy(tree)
    deep = copy.deepcopy(tree)
    tree.children[0].value += 1000
    blob = pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(blob)
    return (tree.total(), shallow.total(), deep.total(), back.total(), back == tree, deep == tree,
            shallow.children is tree.children, type(back).__module__, type(back).__qualname__)


for v in (1, 2.5, 10 ** 20):
    t = Node(v, [Node(2), Node(3, [Node(4)])])
    print(check(t))
    c = Custom(v)
    print(copy.copy(c).x, copy.deepcopy(c).x, pickle.loads(pickle.dumps(c)).x)
shared = [1, 2]
pair = [shared, shared]
dup = copy.deepcopy(pair)
print(dup[0] is dup[1], pickle.loads(pickle.dumps(pair))[0] is pickle.loads(pickle.dumps(pair))[1])
