# note: 003_aca2d6f7e4a56133.txt, section: 导航 (IPython cells In [1]..In [4] as one program, %time dropped)
# In [1]:
from multiprocessing.dummy import Lock
m_lock = Lock()
z_lock = Lock()
print(f"是否相等:{m_lock==z_lock}\n{m_lock}\n{z_lock}") # 地址不一样
# In [2]:
m_code = hash(m_lock)
z_code = hash(z_lock)
print(f"是否相等:{m_code==z_code}\n{m_code}\n{z_code}") # 值一样
# In [3]:
from hashlib import sha1
# Java可以使用:identityhashcode
m_code = sha1(str(m_lock).encode("utf-8")).hexdigest()
z_code = sha1(str(z_code).encode("utf-8")).hexdigest()
print(f"是否相等:{m_code==z_code}\n{m_code}\n{z_code}") # 不相等
# In [4]:
m_code = id(m_lock)
z_code = id(z_lock)
print(f"是否相等:{m_code==z_code}\n{m_code}\n{z_code}") # 不相等
